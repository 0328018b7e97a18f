import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';
import { rollupFor } from '../sql/rollup-choice';
import { lastYearShiftSql, periodStartSql, periodStarts, type TimeGrain } from '../sql/time-grain';

/** One step of the overview's volume trend, with the same step a year earlier for the overlay. */
export interface VolumeTrendPoint {
  period: string;
  tickets: number;
  lastYear: number;
}

/**
 * Appeals per day, week or month in the selected range, and last year's volume on the same steps (shifted by 364
 * days for days and weeks so weekdays line up, by a year for months). Steps without tickets are zero.
 */
export async function fetchVolumeTrend(filters: Filters, grain: TimeGrain): Promise<VolumeTrendPoint[]> {
  const table = rollupFor(filters);
  const where = filtersWhere(filters, table, { dates: false });
  const shift = lastYearShiftSql(grain);
  const rows = await readRows<{ period: string; tickets: number; lastYear: number }>(
    `SELECT period, sum(tickets)::INTEGER AS tickets, sum("lastYear")::INTEGER AS "lastYear" FROM (
       SELECT ${periodStartSql(grain, 'day')} AS period, tickets, 0 AS "lastYear"
       FROM ${table} ${where.sql} AND day BETWEEN $from::DATE AND $to::DATE
       UNION ALL
       SELECT ${periodStartSql(grain, `(day + ${shift})::DATE`)}, 0, tickets
       FROM ${table} ${where.sql}
         AND day BETWEEN ($from::DATE - ${shift})::DATE AND ($to::DATE - ${shift})::DATE
     ) GROUP BY period`,
    { ...where.params, from: filters.from, to: filters.to },
  );
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return periodStarts(grain, filters.from, filters.to).map((period) => ({
    period,
    tickets: byPeriod.get(period)?.tickets ?? 0,
    lastYear: byPeriod.get(period)?.lastYear ?? 0,
  }));
}
