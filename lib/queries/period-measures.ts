import type { DuckDBValue } from '@duckdb/node-api';
import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import type { DateRange } from '../filters/periods';
import { filtersWhere } from '../sql/filters-where';
import { quantileFromBuckets } from '../sql/handling-time';
import { KPI_IDS, type KpiValues, kpiFromSums } from '../sql/kpis';
import {
  addSums,
  emptySums,
  type MeasureSums,
  type ROLLUP_MEASURES,
  SUM_MEASURES_SQL,
} from '../sql/rollup-measures';

/** Rollup sums of one period (or one group), with its handling-time distribution for medians and percentiles. */
export interface PeriodMeasures {
  sums: MeasureSums;
  handlingBuckets: { bucket: number; tickets: number }[];
}

interface SumsRow extends Record<(typeof ROLLUP_MEASURES)[number], number> {
  period: string;
  groupKey: string | null;
  handling_bucket: number | null;
}

/**
 * Sums the rollup for several named date ranges under the same non-date filters, optionally split by one
 * allow-listed column (`groupBy`). Each range is its own scan joined by UNION ALL, so overlapping ranges (a
 * 13-month view against last year) are each counted in full.
 */
export async function fetchPeriodMeasures<P extends string>(
  filters: Filters,
  periods: Record<P, DateRange>,
  groupBy?: 'department' | 'channel' | 'category_l1' | 'county_code',
): Promise<Record<P, Map<string | null, PeriodMeasures>>> {
  const where = filtersWhere(filters, 'daily_counts', { dates: false });
  const params: Record<string, DuckDBValue> = { ...where.params };
  const names = Object.keys(periods) as P[];
  const scans = names.map((name, i) => {
    const range = periods[name];
    params[`p${i}`] = name;
    params[`p${i}from`] = range.from;
    params[`p${i}to`] = range.to;
    return `SELECT $p${i} AS period, ${groupBy ?? 'NULL'} AS "groupKey", handling_bucket, ${SUM_MEASURES_SQL}
            FROM daily_counts ${where.sql} AND day BETWEEN $p${i}from::DATE AND $p${i}to::DATE
            GROUP BY ALL`;
  });
  const rows = await readRows<SumsRow>(scans.join(' UNION ALL '), params);
  const out = Object.fromEntries(names.map((n) => [n, new Map()])) as Record<
    P,
    Map<string | null, PeriodMeasures>
  >;
  for (const row of rows) {
    const groups = out[row.period as P];
    let entry = groups.get(row.groupKey);
    if (!entry) {
      entry = { sums: emptySums(), handlingBuckets: [] };
      groups.set(row.groupKey, entry);
    }
    addSums(entry.sums, row);
    if (row.handling_bucket !== null)
      entry.handlingBuckets.push({ bucket: row.handling_bucket, tickets: row.tickets });
  }
  return out;
}

/** Every KPI of one period. */
export function kpiValues(measures: PeriodMeasures | undefined): KpiValues {
  const sums = measures?.sums ?? emptySums();
  const values = {} as KpiValues;
  for (const id of KPI_IDS) {
    values[id] =
      id === 'medianHandlingHours'
        ? quantileFromBuckets(measures?.handlingBuckets ?? [], 0.5)
        : kpiFromSums(id, sums);
  }
  return values;
}
