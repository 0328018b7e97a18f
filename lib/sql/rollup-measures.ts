/**
 * The count columns of `daily_counts` (built by etl/load/rollups.ts). Queries sum them over any filter; the KPI
 * definitions in ./kpis.ts turn the sums into the figures users read.
 */
export const ROLLUP_MEASURES = [
  'tickets',
  'closed',
  'resolution_known',
  'resolved',
  'rated',
  'satisfied',
  'dissatisfied',
  'closed_with_due',
  'closed_on_time',
  'overdue',
  'return_known',
  'returned',
  'redispatched',
  'escalated',
  'multi_department',
  'caller_known',
  'repeat_appeals',
  'still_open',
  'closed_in_minutes',
  'closed_before_received',
  'no_region',
  'handling_hours_sum',
  'complexity',
  'complexity_handled_well',
] as const;

export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

/** Summed measures of one group of rollup rows. */
export type MeasureSums = Record<RollupMeasure, number>;

/**
 * `sum(col)::DOUBLE AS col` for the given measures (DOUBLE so no BIGINT reaches JavaScript): a query reads only the
 * columns it needs.
 */
export function sumMeasuresSql(measures: readonly RollupMeasure[]): string {
  return measures.map((m) => `coalesce(sum(${m}), 0)::DOUBLE AS ${m}`).join(', ');
}

/** sumMeasuresSql of every measure. */
export const SUM_MEASURES_SQL = sumMeasuresSql(ROLLUP_MEASURES);

export function emptySums(): MeasureSums {
  return Object.fromEntries(ROLLUP_MEASURES.map((m) => [m, 0])) as MeasureSums;
}

/** Adds `row`'s measures into `into` (rows split by handling bucket are merged this way). */
export function addSums(into: MeasureSums, row: Partial<Record<RollupMeasure, number>>): MeasureSums {
  for (const m of ROLLUP_MEASURES) into[m] += row[m] ?? 0;
  return into;
}
