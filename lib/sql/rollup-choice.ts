import type { Filters } from '../filters/filters';

/**
 * Which rollup answers a question: an aggregate navigator. `daily_counts` keeps every dimension a filter can name
 * (street, second-level category, appeal type, department) and the handling-time bucket, so on real data it has
 * nearly a row per ticket. The smaller rollups keep a few dimensions each and are a tenth of its size or less;
 * a question goes to the smallest one that has every column its filters and its grouping need. All of them are
 * built from `daily_counts` by etl/load/rollups.ts, so they give the same sums (tests/queries/rollups.test.ts).
 */
export type RollupDimension =
  | 'category_l1'
  | 'category_l2'
  | 'county_code'
  | 'town_code'
  | 'channel'
  | 'appeal_type'
  | 'department';

export interface Rollup {
  table: RollupTable;
  dimensions: readonly RollupDimension[];
  /** Whether it is split by handling-time bucket (medians and percentiles need that). */
  buckets: boolean;
  /** Only the ticket count, not every measure (the bucket tables: a median needs nothing else). */
  ticketsOnly: boolean;
}

export type RollupTable =
  | 'daily_totals'
  | 'daily_handling'
  | 'daily_types'
  | 'daily_categories'
  | 'daily_departments'
  | 'daily_type_handling'
  | 'daily_category_handling'
  | 'daily_department_handling'
  | 'daily_counts';

const ALL: readonly RollupDimension[] = [
  'category_l1',
  'category_l2',
  'county_code',
  'town_code',
  'channel',
  'appeal_type',
  'department',
];

/** Smallest first: rollupFor takes the first that fits. */
export const ROLLUPS: readonly Rollup[] = [
  {
    table: 'daily_totals',
    dimensions: ['category_l1', 'county_code', 'channel'],
    buckets: false,
    ticketsOnly: false,
  },
  {
    table: 'daily_handling',
    dimensions: ['category_l1', 'county_code', 'channel'],
    buckets: true,
    ticketsOnly: true,
  },
  {
    table: 'daily_types',
    dimensions: ['category_l1', 'county_code', 'channel', 'appeal_type'],
    buckets: false,
    ticketsOnly: false,
  },
  {
    table: 'daily_categories',
    dimensions: ['category_l1', 'category_l2', 'county_code', 'channel'],
    buckets: false,
    ticketsOnly: false,
  },
  {
    table: 'daily_departments',
    dimensions: ['department', 'category_l1', 'county_code', 'channel'],
    buckets: false,
    ticketsOnly: false,
  },
  // Medians under a type, second-level category or department filter: a tenth of daily_counts' rows to read.
  {
    table: 'daily_type_handling',
    dimensions: ['category_l1', 'county_code', 'channel', 'appeal_type'],
    buckets: true,
    ticketsOnly: true,
  },
  {
    table: 'daily_category_handling',
    dimensions: ['category_l1', 'category_l2', 'county_code', 'channel'],
    buckets: true,
    ticketsOnly: true,
  },
  {
    table: 'daily_department_handling',
    dimensions: ['department', 'category_l1', 'county_code', 'channel'],
    buckets: true,
    ticketsOnly: true,
  },
  { table: 'daily_counts', dimensions: ALL, buckets: true, ticketsOnly: false },
];

/**
 * Rollups the open warehouse lacks: one built by an earlier version of Hotline Atlas has only the tables of its
 * day until its next load or `npm run etl -- analyse`. They are never chosen, so its questions go to a larger
 * rollup that it has (daily_counts holds every dimension). Set by lib/db/read-only-warehouse.ts on each open.
 */
let missingRollups: ReadonlySet<RollupTable> = new Set();

export function noteMissingRollups(tables: Iterable<RollupTable>): void {
  missingRollups = new Set(tables);
}

export function rollupDimensions(table: RollupTable | 'daily_cells'): readonly RollupDimension[] {
  if (table === 'daily_cells') return CELL_ROLLUP_DIMENSIONS;
  return ROLLUPS.find((r) => r.table === table)?.dimensions ?? ALL;
}

/**
 * The map's cell rollup (`daily_cells`, etl/load/rollups.ts): day × H3 cell × these. It counts tickets only, so it
 * is not among ROLLUPS. The street costs almost nothing there (an r8 cell lies in one street but at its edges),
 * while a second-level category, a type or a department would multiply its rows.
 */
export const CELL_ROLLUP_DIMENSIONS: readonly RollupDimension[] = [
  'category_l1',
  'county_code',
  'town_code',
  'channel',
];

/** The columns the filters test. */
export function filterDimensions(filters: Filters): RollupDimension[] {
  const out: RollupDimension[] = [];
  if (filters.region) out.push(filters.region.length > 6 ? 'town_code' : 'county_code');
  if (filters.category) out.push(filters.category.length === 2 ? 'category_l1' : 'category_l2');
  if (filters.channel) out.push('channel');
  if (filters.type) out.push('appeal_type');
  if (filters.dept) out.push('department');
  return out;
}

/**
 * The smallest rollup with every column the filters and `columns` (a grouping) need; with `buckets`, one split by
 * handling-time bucket (counting tickets only is then enough).
 */
export function rollupFor(
  filters: Filters,
  columns: readonly string[] = [],
  options: { buckets?: boolean } = {},
): RollupTable {
  const needed = [...filterDimensions(filters), ...columns];
  const fit = ROLLUPS.find(
    (r) =>
      !missingRollups.has(r.table) &&
      (options.buckets ? r.buckets : !r.ticketsOnly) &&
      needed.every((c) => (r.dimensions as readonly string[]).includes(c)),
  );
  return fit?.table ?? 'daily_counts';
}
