import type { DuckDBValue } from '@duckdb/node-api';
import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import type { DateRange } from '../filters/periods';
import { filtersWhere } from '../sql/filters-where';
import { quantileFromBuckets } from '../sql/handling-time';
import { KPI_IDS, type KpiValues, kpiFromSums } from '../sql/kpis';
import { isMonthly, type RollupSource, rollupFor } from '../sql/rollup-choice';
import {
  addSums,
  emptySums,
  type MeasureSums,
  type ROLLUP_MEASURES,
  type RollupMeasure,
  SUM_MEASURES_SQL,
  sumMeasuresSql,
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

type GroupColumn = 'department' | 'channel' | 'category_l1' | 'county_code';

/**
 * Sums the rollup for several named date ranges under the same non-date filters, optionally split by one
 * allow-listed column (`groupBy`). Each range is its own scan joined by UNION ALL, so overlapping ranges (a
 * 13-month view against last year) are each counted in full. The sums come from the smallest rollup that can
 * answer (lib/sql/rollup-choice.ts); the handling-time distribution, needed for medians, from the smallest one
 * split by handling-time bucket.
 */
export async function fetchPeriodMeasures<P extends string>(
  filters: Filters,
  periods: Record<P, DateRange>,
  groupBy?: GroupColumn,
  options: {
    handlingTimes?: boolean;
    /** The measures to sum (all by default); the others stay 0. */
    measures?: readonly RollupMeasure[];
  } = {},
): Promise<Record<P, Map<string | null, PeriodMeasures>>> {
  const names = Object.keys(periods) as P[];
  const columns = groupBy ? [groupBy] : [];
  const ranges = Object.values<DateRange>(periods);
  const sumsTable = rollupFor(filters, columns, { ranges });
  const bucketsTable =
    options.handlingTimes === false ? null : rollupFor(filters, columns, { buckets: true, ranges });
  // When the filters need the detailed rollup for both, one scan split by bucket gives the sums (added up over
  // the buckets below) and the distribution (its ticket counts): half the reading of two scans.
  const oneScan = sumsTable === bucketsTable;
  const measures = options.measures
    ? sumMeasuresSql(oneScan ? [...new Set([...options.measures, 'tickets' as const])] : options.measures)
    : SUM_MEASURES_SQL;
  const [sums, buckets] = await Promise.all([
    readRows<SumsRow>(
      ...periodScans(filters, periods, sumsTable, groupBy, measures, oneScan ? 'all' : 'none'),
    ),
    bucketsTable === null || oneScan
      ? Promise.resolve([] as SumsRow[])
      : readRows<SumsRow>(
          ...periodScans(
            filters,
            periods,
            bucketsTable,
            groupBy,
            'coalesce(sum(tickets), 0)::DOUBLE AS tickets',
            'closed',
          ),
        ),
  ]);
  const out = Object.fromEntries(names.map((n) => [n, new Map()])) as Record<
    P,
    Map<string | null, PeriodMeasures>
  >;
  // Each entry's tickets per bucket: a monthly scan gives a bucket once per month, added up here.
  const bucketTickets = new Map<PeriodMeasures, Map<number, number>>();
  const entryOf = (row: SumsRow) => {
    const groups = out[row.period as P];
    let entry = groups.get(row.groupKey);
    if (!entry) {
      entry = { sums: emptySums(), handlingBuckets: [] };
      groups.set(row.groupKey, entry);
      bucketTickets.set(entry, new Map());
    }
    return entry;
  };
  // A sums row carries a bucket only when the scan was split by bucket (one scan for both).
  const addBucket = (row: SumsRow) => {
    if (row.handling_bucket === null) return;
    const counts = bucketTickets.get(entryOf(row))!;
    counts.set(row.handling_bucket, (counts.get(row.handling_bucket) ?? 0) + row.tickets);
  };
  for (const row of inPeriods(sums, periods)) {
    addSums(entryOf(row).sums, row);
    addBucket(row);
  }
  for (const row of inPeriods(buckets, periods)) addBucket(row);
  for (const [entry, counts] of bucketTickets)
    entry.handlingBuckets = [...counts].map(([bucket, tickets]) => ({ bucket, tickets }));
  return out;
}

/**
 * The rows of each period. A monthly scan's rows are months (`period` is the month's first day): each is added to
 * every period whose range holds it, so overlapping periods each count it in full.
 */
function inPeriods(rows: SumsRow[], periods: Record<string, DateRange>): SumsRow[] {
  if (!rows.some((row) => row.period.startsWith(MONTH_ROW))) return rows;
  const ranges = Object.entries(periods);
  return rows.flatMap((row) => {
    const month = row.period.slice(MONTH_ROW.length);
    return ranges.filter(([, r]) => r.from <= month && month <= r.to).map(([period]) => ({ ...row, period }));
  });
}

/** How a monthly scan marks its rows' `period`: a month, not a period name. */
const MONTH_ROW = 'month:';

/**
 * The query over the periods: the SQL and its bound parameters. `buckets`: not split by handling-time bucket, split
 * with every ticket (the unclosed in a NULL bucket), or split with the closed tickets only.
 *
 * A daily rollup is read once per period (UNION ALL): three months a year apart are three short scans, where one
 * scan of their span would read the year. A monthly rollup (whole months) is read once over the span, by month: its
 * year is a few thousand rows, and on this machine one scan of them cost half as much as three (fewer operators).
 */
function periodScans(
  filters: Filters,
  periods: Record<string, DateRange>,
  table: RollupSource,
  groupBy: GroupColumn | undefined,
  measures: string,
  buckets: 'none' | 'all' | 'closed',
): [string, Record<string, DuckDBValue>] {
  const where = filtersWhere(filters, table, { dates: false });
  const params: Record<string, DuckDBValue> = { ...where.params };
  const bucket = buckets === 'none' ? 'NULL::SMALLINT' : 'handling_bucket';
  const closedOnly = buckets === 'closed' ? 'AND handling_bucket IS NOT NULL' : '';
  if (isMonthly(table)) {
    const ranges = Object.values(periods);
    params.spanFrom = ranges.map((r) => r.from).sort()[0]!;
    params.spanTo = ranges
      .map((r) => r.to)
      .sort()
      .at(-1)!;
    return [
      // The month is written as text after the sums: per row it cost more than the sums.
      `SELECT '${MONTH_ROW}' || strftime(day, '%Y-%m-%d') AS period, * EXCLUDE (day)
       FROM (SELECT day, ${groupBy ?? 'NULL'} AS "groupKey", ${bucket} AS handling_bucket, ${measures}
             FROM ${table} ${where.sql} AND day BETWEEN $spanFrom::DATE AND $spanTo::DATE ${closedOnly}
             GROUP BY ALL)`,
      params,
    ];
  }
  const scans = Object.entries(periods).map(([name, range], i) => {
    params[`p${i}`] = name;
    params[`p${i}from`] = range.from;
    params[`p${i}to`] = range.to;
    return `SELECT $p${i} AS period, ${groupBy ?? 'NULL'} AS "groupKey", ${bucket} AS handling_bucket, ${measures}
            FROM ${table} ${where.sql} AND day BETWEEN $p${i}from::DATE AND $p${i}to::DATE ${closedOnly}
            GROUP BY ALL`;
  });
  return [scans.join(' UNION ALL '), params];
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
