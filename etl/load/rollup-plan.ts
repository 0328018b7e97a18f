import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../lib/db/connection';
import {
  CELL_ROLLUP_DIMENSIONS,
  type MonthlyRollupTable,
  monthlyTwin,
  ROLLUPS,
  type Rollup,
  type RollupTable,
} from '../../lib/sql/rollup-choice';

/**
 * Which rollups a full rebuild builds. A rollup pays for itself when it has far fewer rows than the table its
 * questions would read without it. On a city's data the daily rollups with a street, a second-level category or a
 * department have nearly a row per ticket (1M generated work orders over three years: daily_departments 886,000
 * rows, daily_category_handling 943,000, daily_cells 985,000, against daily_counts' 999,000), so each cost about a
 * copy of the tickets to build and saved its readers next to nothing; their monthly twins still shrink 5-15 times.
 * A warehouse with many tickets a day (a large city, or a sample copied many times) keeps them all.
 */

/** A rollup is built when it holds at most this share of the rows of the table answering instead (the default). */
export const DEFAULT_KEEP_SHARE = 0.5;

/** Below this many daily_counts rows every rollup is built: together they take well under a second there. */
export const MIN_ROWS_TO_LEAVE_OUT = 100_000;

/** The monthly twin of a rollup other than daily_counts (which has none). */
export function monthlyOf(rollup: Rollup): MonthlyRollupTable {
  return monthlyTwin(rollup.table as Exclude<RollupTable, 'daily_counts'>);
}

/** Whether `target` can be summed from `source`: every dimension, the buckets and the measures it needs. */
export function holds(source: Rollup, target: Rollup): boolean {
  return (
    target.dimensions.every((d) => source.dimensions.includes(d)) &&
    (!target.buckets || source.buckets) &&
    (target.ticketsOnly || !source.ticketsOnly)
  );
}

/**
 * Estimated rows per table: `daily_counts` (exact), each daily rollup and monthly twin, `daily_cells`,
 * `monthly_cells`, and `tickets_with_cells` (what the map reads without a cell rollup).
 */
export type RollupEstimates = ReadonlyMap<string, number>;

/**
 * The tables to leave out, given their estimated rows. Decided largest first, so each rollup is compared with what
 * would answer its questions without it: for a daily rollup, the next larger daily rollup that holds it (at last
 * daily_counts); for a monthly twin, its own daily rollup if kept, else the next larger that holds it, monthly
 * where kept. The map's daily_cells is compared with the tickets, and monthly_cells with daily_cells (without
 * daily_cells the map reads the tickets, so monthly_cells goes too).
 */
export function rollupsToLeaveOut(
  estimates: RollupEstimates,
  keepShare: number,
  minRows = MIN_ROWS_TO_LEAVE_OUT,
): Set<string> {
  const leftOut = new Set<string>();
  const rows = (table: string) => estimates.get(table) ?? Number.POSITIVE_INFINITY;
  // An estimate can come out a few per cent above the exact count it is compared with: 1 means build them all.
  if (keepShare >= 1 || rows('daily_counts') < minRows) return leftOut;
  const larger = (rollup: Rollup) =>
    ROLLUPS.slice(ROLLUPS.indexOf(rollup) + 1).filter((r) => holds(r, rollup));
  const firstKept = (tables: string[]) => tables.find((t) => !leftOut.has(t)) ?? 'daily_counts';
  const keep = (table: string, instead: string) => rows(table) <= keepShare * rows(instead);
  for (const rollup of [...ROLLUPS].reverse()) {
    if (rollup.table === 'daily_counts') continue;
    const dailyInstead = firstKept(larger(rollup).map((r) => r.table));
    if (!keep(rollup.table, dailyInstead)) leftOut.add(rollup.table);
    const monthly = monthlyOf(rollup);
    const monthlyInstead = firstKept([
      rollup.table,
      ...larger(rollup).flatMap((r) => (r.table === 'daily_counts' ? [r.table] : [monthlyOf(r), r.table])),
    ]);
    if (!keep(monthly, monthlyInstead)) leftOut.add(monthly);
  }
  if (!keep('daily_cells', 'tickets_with_cells')) leftOut.add('daily_cells');
  if (leftOut.has('daily_cells') || !keep('monthly_cells', 'daily_cells')) leftOut.add('monthly_cells');
  return leftOut;
}

/**
 * Estimates each rollup's rows from `dailyCounts` (a freshly built daily_counts) and the tickets, with HyperLogLog
 * distinct counts of each table's key (a few per cent off; two scans, about 0.3 s per million tickets).
 */
export async function estimateRollupRows(
  connection: DuckDBConnection,
  dailyCounts: string,
): Promise<RollupEstimates> {
  const estimate = (alias: string, day: string, columns: readonly string[], filter?: string) =>
    `approx_count_distinct(hash(${[day, ...columns].join(', ')}))${filter ? ` FILTER (WHERE ${filter})` : ''}::BIGINT AS "${alias}"`;
  const month = "date_trunc('month', day)";
  const rollupParts = ROLLUPS.filter((r) => r.table !== 'daily_counts').flatMap((r) => {
    const columns = [...r.dimensions, ...(r.buckets ? ['handling_bucket'] : [])];
    const filter = r.buckets ? 'handling_bucket IS NOT NULL' : undefined;
    return [estimate(r.table, 'day', columns, filter), estimate(monthlyOf(r), month, columns, filter)];
  });
  const [fromDaily] = await queryRows<Record<string, number>>(
    connection,
    `SELECT count(*)::BIGINT AS daily_counts, ${rollupParts.join(', ')} FROM ${dailyCounts}`,
  );
  const cellColumns = ['h3_r8', ...CELL_ROLLUP_DIMENSIONS];
  const [fromTickets] = await queryRows<Record<string, number>>(
    connection,
    `SELECT count(*)::BIGINT AS tickets_with_cells,
            ${estimate('daily_cells', 'received_at::DATE', cellColumns)},
            ${estimate('monthly_cells', "date_trunc('month', received_at)", cellColumns)}
     FROM tickets WHERE h3_r8 IS NOT NULL`,
  );
  return new Map(Object.entries({ ...fromDaily, ...fromTickets }).map(([k, v]) => [k, Number(v)]));
}
