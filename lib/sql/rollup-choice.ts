import type { Filters } from '../filters/filters';
import { type DateRange, isWholeMonths, rangeOf } from '../filters/periods';

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
  | 'daily_towns'
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

/**
 * Smallest first: rollupFor takes the first that fits. The category and department rollups also keep the appeal
 * type (and the department one the second-level category): a type, category or department asked together with
 * another of them, or grouped by one, no longer falls through to daily_counts. On the 10-million-ticket bench
 * warehouse that cost 8-20 % more rows in those four tables and cut the CPU of the overview's random requests by
 * 30 % (channel mix under a second-level category: 28 → 8 ms on average).
 */
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
    dimensions: ['category_l1', 'category_l2', 'county_code', 'channel', 'appeal_type'],
    buckets: false,
    ticketsOnly: false,
  },
  {
    table: 'daily_departments',
    dimensions: ['department', 'category_l1', 'category_l2', 'county_code', 'channel', 'appeal_type'],
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
    dimensions: ['category_l1', 'category_l2', 'county_code', 'channel', 'appeal_type'],
    buckets: true,
    ticketsOnly: true,
  },
  {
    table: 'daily_department_handling',
    dimensions: ['department', 'category_l1', 'category_l2', 'county_code', 'channel', 'appeal_type'],
    buckets: true,
    ticketsOnly: true,
  },
  // A street (town) filter: every question a street office asks, and analysts' drill-downs, which read
  // daily_counts without it. On the 10M bench warehouse a month is 55,000 rows here (3,900 in the monthly twin)
  // against 295,000 in daily_counts; overview CPU under a street filter fell by a quarter to a half (the KPI
  // medians still read daily_counts: a street table with handling buckets had nearly as many rows).
  {
    table: 'daily_towns',
    dimensions: ['category_l1', 'county_code', 'town_code', 'channel'],
    buckets: false,
    ticketsOnly: false,
  },

  { table: 'daily_counts', dimensions: ALL, buckets: true, ticketsOnly: false },
];

/**
 * Rollups the open warehouse lacks, or has without a column this version's have: one built by an earlier version
 * of Hotline Atlas has only the tables of its day until its next load or `npm run etl -- analyse`. They are never
 * chosen, so its questions go to a larger rollup that it has (daily_counts holds every dimension). Set by
 * lib/db/read-only-warehouse.ts on each open (outdatedRollups).
 */
let missingRollups: ReadonlySet<string> = new Set();

export function noteMissingRollups(tables: Iterable<string>): void {
  missingRollups = new Set(tables);
}

type DailyName<T> = T extends `daily_${infer Name}` ? Name : never;

/**
 * A rollup's monthly twin (etl/load/rollups.ts): the same columns summed by calendar month, `day` holding the
 * month's first day. A question over whole months (the dashboard's default ranges, and most that readers pick)
 * reads it instead of the daily rows: a tenth of the rows or less. `day BETWEEN from AND to` selects the same
 * months in both when `from` and `to` bound whole months. daily_counts has none: on a city's data it has nearly a
 * row per ticket, so its monthly sums took as long to build as daily_counts itself (4 s per million tickets) and
 * saved 7% of the CPU of the bench's random requests; its rows are stored by month and street already.
 */
export type MonthlyRollupTable = `monthly_${DailyName<Exclude<RollupTable, 'daily_counts'> | 'daily_cells'>}`;

/** The rollups that have a monthly twin. */
export const MONTHLY_SOURCES = [
  ...ROLLUPS.map((r) => r.table).filter(
    (table): table is Exclude<RollupTable, 'daily_counts'> => table !== 'daily_counts',
  ),
  'daily_cells' as const,
];

/** A rollup a question can read: daily or monthly. */
export type RollupSource = RollupTable | MonthlyRollupTable;

export function monthlyTwin<T extends (typeof MONTHLY_SOURCES)[number]>(table: T): `monthly_${DailyName<T>}` {
  return table.replace(/^daily_/, 'monthly_') as `monthly_${DailyName<T>}`;
}

/** Every rollup table a warehouse built by this version has. */
export const ROLLUP_TABLES: readonly (RollupTable | 'daily_cells' | MonthlyRollupTable)[] = [
  ...ROLLUPS.map((r) => r.table),
  'daily_cells',
  ...MONTHLY_SOURCES.map(monthlyTwin),
];

export function isMonthly(table: string): table is MonthlyRollupTable {
  return table.startsWith('monthly_');
}

function dailyOf(table: RollupSource | 'daily_cells' | 'monthly_cells'): RollupTable | 'daily_cells' {
  return table.replace(/^monthly_/, 'daily_') as RollupTable | 'daily_cells';
}

export function rollupDimensions(
  table: RollupSource | 'daily_cells' | 'monthly_cells',
): readonly RollupDimension[] {
  const daily = dailyOf(table);
  if (daily === 'daily_cells') return CELL_ROLLUP_DIMENSIONS;
  return ROLLUPS.find((r) => r.table === daily)?.dimensions ?? ALL;
}

/**
 * The map's cell rollup (`daily_cells`, etl/load/rollups.ts): day × H3 cell × every dimension a filter names. It
 * counts tickets only, so it is not among ROLLUPS. An r8 cell holds a few appeals a day, so the second-level
 * category, the type and the department added few rows (10-million-ticket bench warehouse: 1.61 → 1.64 million),
 * while a map under one of those filters had scanned the tickets of its range (zoom 9: 81 ms CPU on average, a
 * year 240 ms) instead of summing the rollup.
 */
export const CELL_ROLLUP_DIMENSIONS: readonly RollupDimension[] = ALL;

/** Every rollup table this version builds, with the dimension columns it has (and handling_bucket when split). */
export function rollupColumns(table: RollupSource | 'daily_cells' | 'monthly_cells'): string[] {
  const daily = dailyOf(table);
  const buckets = ROLLUPS.find((r) => r.table === daily)?.buckets ?? false;
  return [...rollupDimensions(table), ...(buckets ? ['handling_bucket'] : [])];
}

/**
 * meta key: the rollup tables the last full rebuild left out on purpose, comma-separated (etl/load/rollup-plan.ts):
 * on this warehouse's data they would not be much smaller than the tables answering instead.
 */
export const ROLLUPS_LEFT_OUT = 'rollups_left_out';

/** The tables of a ROLLUPS_LEFT_OUT value. */
export function parseLeftOut(value: string | null | undefined): Set<string> {
  return new Set((value ?? '').split(',').filter((t) => (ROLLUP_TABLES as readonly string[]).includes(t)));
}

/**
 * The rollup tables a warehouse lacks or has without one of this version's columns (`columns`: each table's column
 * names as the warehouse has them), but for those its last rebuild left out on purpose (`leftOut`). Readers pass
 * over them, and a load rebuilds them whole.
 */
export function outdatedRollups(
  columns: ReadonlyMap<string, ReadonlySet<string>>,
  leftOut: ReadonlySet<string> = new Set(),
): string[] {
  return ROLLUP_TABLES.filter((table) => {
    if (leftOut.has(table)) return false;
    const has = columns.get(table);
    return !has || rollupColumns(table).some((column) => !has.has(column));
  });
}

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
 * handling-time bucket (counting tickets only is then enough). With `ranges`, the date ranges the question sums
 * (it does not group by day or week): its monthly twin when every one is whole months. A rollup the warehouse has
 * only as its monthly twin (etl/load/rollup-plan.ts leaves out daily tables that would not be much smaller than
 * the table answering instead) answers whole months only.
 */
export function rollupFor(
  filters: Filters,
  columns: readonly string[] = [],
  options: { buckets?: boolean; ranges?: readonly DateRange[] } = {},
): RollupSource {
  const needed = [...filterDimensions(filters), ...columns];
  const wholeMonths = options.ranges !== undefined && monthsAnswer(options.ranges);
  for (const r of ROLLUPS) {
    if (!fits(r, needed, options.buckets ?? false)) continue;
    if (r.table === 'daily_counts') return r.table;
    if (wholeMonths && !missingRollups.has(monthlyTwin(r.table))) return monthlyTwin(r.table);
    if (!missingRollups.has(r.table)) return r.table;
  }
  return 'daily_counts';
}

/**
 * The smallest daily rollup among the tables `has` says a warehouse holds with every column of `needed`: for the
 * ETL's own readers (forecast series), which see the warehouse they write rather than the one the dashboard opened.
 */
export function dailyRollupWith(
  needed: readonly RollupDimension[],
  has: (table: string) => boolean,
): RollupTable {
  return ROLLUPS.find((r) => fits(r, needed, false) && has(r.table))?.table ?? 'daily_counts';
}

function fits(rollup: Rollup, needed: readonly string[], buckets: boolean): boolean {
  return (
    (buckets ? rollup.buckets : !rollup.ticketsOnly) &&
    needed.every((c) => (rollup.dimensions as readonly string[]).includes(c))
  );
}

/** The map's cell rollup for the filters' range: monthly over whole months. */
export function cellRollupFor(filters: Filters): 'daily_cells' | 'monthly_cells' {
  return monthsAnswer([rangeOf(filters)], 'monthly_cells') ? 'monthly_cells' : 'daily_cells';
}

function monthsAnswer(ranges: readonly DateRange[], monthly?: MonthlyRollupTable): boolean {
  return ranges.length > 0 && ranges.every(isWholeMonths) && (!monthly || !missingRollups.has(monthly));
}
