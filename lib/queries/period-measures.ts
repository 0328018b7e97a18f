import type { DuckDBValue } from '@duckdb/node-api';
import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import type { DateRange } from '../filters/periods';
import { filtersWhere } from '../sql/filters-where';
import { quantileFromBuckets } from '../sql/handling-time';
import { KPI_IDS, type KpiValues, kpiFromSums } from '../sql/kpis';
import { type RollupSource, rollupFor } from '../sql/rollup-choice';
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
  const entryOf = (row: SumsRow) => {
    const groups = out[row.period as P];
    let entry = groups.get(row.groupKey);
    if (!entry) {
      entry = { sums: emptySums(), handlingBuckets: [] };
      groups.set(row.groupKey, entry);
    }
    return entry;
  };
  // A sums row carries a bucket only when the scan was split by bucket (one scan for both).
  const addBucket = (row: SumsRow) => {
    if (row.handling_bucket !== null)
      entryOf(row).handlingBuckets.push({ bucket: row.handling_bucket, tickets: row.tickets });
  };
  for (const row of sums) {
    addSums(entryOf(row).sums, row);
    addBucket(row);
  }
  for (const row of buckets) addBucket(row);
  return out;
}

/**
 * One UNION ALL query over the periods: the SQL and its bound parameters. `buckets`: not split by handling-time
 * bucket, split with every ticket (the unclosed in a NULL bucket), or split with the closed tickets only.
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
  const scans = Object.entries(periods).map(([name, range], i) => {
    params[`p${i}`] = name;
    params[`p${i}from`] = range.from;
    params[`p${i}to`] = range.to;
    const bucket = buckets === 'none' ? 'NULL::SMALLINT' : 'handling_bucket';
    return `SELECT $p${i} AS period, ${groupBy ?? 'NULL'} AS "groupKey", ${bucket} AS handling_bucket, ${measures}
            FROM ${table} ${where.sql} AND day BETWEEN $p${i}from::DATE AND $p${i}to::DATE
            ${buckets === 'closed' ? 'AND handling_bucket IS NOT NULL' : ''}
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
