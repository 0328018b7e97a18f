import type { DuckDBValue } from '@duckdb/node-api';
import { cellResolution, type Filters, FiltersError } from '../filters/filters';
import { isWholeMonths } from '../filters/periods';
import { filterDimensions, isMonthly, type RollupSource, rollupDimensions } from './rollup-choice';

/** The tables a filtered question can read: the tickets themselves or a daily rollup (lib/sql/rollup-choice.ts). */
export type FilteredTable = 'tickets' | RollupSource | 'daily_cells' | 'monthly_cells';

export interface WhereClause {
  /** `WHERE …` text with `$name` placeholders only: no value is ever in the text. */
  sql: string;
  params: Record<string, DuckDBValue>;
}

/**
 * Turns Filters into a WHERE clause for `tickets` or a rollup, with every value bound. A region code matches at
 * its level (province, city, county, town); a category code at its level.
 */
export function filtersWhere(
  filters: Filters,
  table: FilteredTable,
  options: { dates?: boolean } = {},
): WhereClause {
  const conditions: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  // Queries that compare periods (this month, last month, last year) bind their own date ranges.
  if (options.dates !== false) {
    if (table === 'tickets') {
      conditions.push('received_at >= $from::DATE', 'received_at < $to::DATE + INTERVAL 1 DAY');
    } else {
      // A monthly row stands for its whole month: a range that cuts a month would count all of it.
      if (isMonthly(table) && !isWholeMonths(filters))
        throw new Error(`${table} answers whole months only, not ${filters.from} to ${filters.to}`);
      conditions.push('day BETWEEN $from::DATE AND $to::DATE');
    }
    params.from = filters.from;
    params.to = filters.to;
  }
  if (filters.region) {
    const region = filters.region.length === 12 ? filters.region.slice(0, 9) : filters.region;
    // Each level has its own column and a code's form says its level (GB/T 2260: xx0000 a province, xxxx00 a city,
    // six digits a county, nine a town), so one column is compared: DuckDB then filters while it scans, where an OR
    // over three columns cost tickets scans half as much again.
    const column =
      region.length > 6
        ? 'town_code'
        : table !== 'tickets' || !/00$/.test(region)
          ? 'county_code'
          : region.endsWith('0000')
            ? 'province_code'
            : 'city_code';
    const cityWide = table !== 'tickets' && /^\d{4}00$/.test(region);
    // The rollups have no city column: a city code selects its counties by code prefix.
    conditions.push(cityWide ? 'starts_with(county_code, $regionPrefix)' : `${column} = $region`);
    // A province code (510000) selects its counties by two digits, a city code (511500) by four.
    if (cityWide) params.regionPrefix = region.endsWith('0000') ? region.slice(0, 2) : region.slice(0, 4);
    else params.region = region;
  }
  if (filters.cell) {
    // Rollups have no cells: only questions answered from `tickets` (the ticket list, the map) take this filter.
    if (table !== 'tickets')
      throw new FiltersError(
        '"cell": this view reads daily rollups, which have no H3 cells; use the map or the ticket list',
      );
    const column = ({ 6: 'h3_r6', 8: 'h3_r8', 10: 'h3_r10' } as const)[
      cellResolution(filters.cell) as 6 | 8 | 10
    ];
    conditions.push(`${column} = $cell`);
    params.cell = BigInt(`0x${filters.cell}`);
  }
  if (filters.q) {
    // The rollups hold no text: only questions answered from `tickets` (the ticket list, hot words) take it.
    if (table !== 'tickets')
      throw new FiltersError('"q": this view reads daily rollups, which hold no text; use the ticket list');
    conditions.push("(title ILIKE $q ESCAPE '\\' OR content ILIKE $q ESCAPE '\\')");
    params.q = `%${filters.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  if (table !== 'tickets') {
    const has = rollupDimensions(table);
    const missing = filterDimensions(filters).filter((d) => !has.includes(d));
    if (missing.length > 0)
      throw new Error(`${table} has no ${missing.join(', ')}: choose the table with rollupFor`);
  }
  if (filters.category) {
    conditions.push(filters.category.length === 2 ? 'category_l1 = $category' : 'category_l2 = $category');
    params.category = filters.category;
  }
  if (filters.channel) {
    conditions.push('channel = $channel');
    params.channel = filters.channel;
  }
  if (filters.type) {
    conditions.push('appeal_type = $type');
    params.type = filters.type;
  }
  if (filters.dept) {
    conditions.push('department = $dept');
    params.dept = filters.dept;
  }
  return { sql: `WHERE ${conditions.length ? conditions.join(' AND ') : 'true'}`, params };
}
