import type { Filters } from '../filters/filters';

/**
 * Which rollup answers a question. `daily_counts` keeps every dimension a filter can name (street, second-level
 * category, appeal type, department) and the handling-time bucket, so on real data it has almost a row per ticket.
 * `daily_totals` keeps only day × first-level category × district × channel: a few hundred rows a day whatever the
 * volume, so the common questions (the whole city, a district, a first-level category, a channel) sum a table a
 * tenth the size or less. Questions the small table cannot answer go to the large one; both give the same sums.
 */
export type RollupTable = 'daily_totals' | 'daily_counts';

/** The columns of `daily_totals` besides its measures. */
export const TOTALS_COLUMNS = ['day', 'category_l1', 'county_code', 'channel'] as const;

export function rollupFor(filters: Filters, columns: readonly string[] = []): RollupTable {
  const coarseFilters =
    filters.type === undefined &&
    filters.dept === undefined &&
    (filters.category === undefined || filters.category.length === 2) &&
    (filters.region === undefined || filters.region.length === 6);
  const coarseColumns = columns.every((c) => (TOTALS_COLUMNS as readonly string[]).includes(c));
  return coarseFilters && coarseColumns ? 'daily_totals' : 'daily_counts';
}
