import type { DuckDBConnection } from '@duckdb/node-api';
import { execute, queryRows } from '../../lib/db/connection';
import { ROLLUPS, ROLLUPS_LEFT_OUT, type Rollup } from '../../lib/sql/rollup-choice';
import { DEFAULT_KEEP_SHARE, estimateRollupRows, holds, monthlyOf, rollupsToLeaveOut } from './rollup-plan';
import {
  cellPlacesSelect,
  DAILY_COUNTS_ORDER,
  dailyCellsSelect,
  dailyCountsSelect,
  monthlyMeasures,
  monthlyRollupSelect,
  monthlySelect,
  repeatAppealsSelect,
  rollupSelect,
} from './rollup-sql';
import { PATCHED_TABLES, ROLLUPS_THROUGH_LOAD, refreshChangedRollups } from './rollups-changed';
import { REPLACED_TICKETS_SQL } from './schema';

/** The rebuild share of a load whose config names none (HOTLINE_ROLLUP_REBUILD_SHARE, docs/configuration.md). */
const DEFAULT_REBUILD_SHARE = 0.25;

/** How a refresh went: everything rebuilt, or only the days a load changed (and how many). */
export type RollupRefresh =
  | { scope: 'all'; reason: string }
  | { scope: 'changed'; days: number; tickets: number };

/** Runs one statement, adding its seconds to `timings` as `rollups:<table>` when asked. */
export type TimedStatement = (table: string, sql: string | (() => Promise<void>)) => Promise<void>;

/** The name a rebuilt table has until it replaces the current one. */
const aside = (table: string) => `atlas_next_${table}`;

/** How a full rebuild chooses its rollups (etl/load/rollup-plan.ts). */
export interface RollupPlanOptions {
  /** A rollup is built when it holds at most this share of the rows answering instead; 1 builds them all. */
  keepShare?: number;
  /** Below this many daily_counts rows every rollup is built. */
  minRowsToLeaveOut?: number;
}

/**
 * Rebuilds the rollups from the tickets into tables aside (`atlas_next_<table>`): `repeat_appeals` (tickets that
 * repeat a caller's appeal on the same problem), `daily_counts` (a row per day and every dimension a KPI filters
 * on, with the counts each KPI needs), the smaller rollups of lib/sql/rollup-choice.ts summed from it (a few
 * dimensions each, many times faster to read), the map's `daily_cells` and `cell_places`, and each rollup's
 * monthly twin; but for those the plan leaves out (rollup-plan.ts), which it returns. Each statement commits on
 * its own: DuckDB scans a table written by the still open transaction on one thread, and most rollups are summed
 * from another rollup (bench:etl, 1M work orders, 2 cores: the rollups took 19-20 s in one transaction, 13-14 s
 * built aside).
 */
async function rebuildAside(
  connection: DuckDBConnection,
  timed: TimedStatement,
  plan: RollupPlanOptions,
): Promise<Set<string>> {
  await timed(
    'repeat_appeals',
    `CREATE OR REPLACE TABLE ${aside('repeat_appeals')} AS ${repeatAppealsSelect()}`,
  );
  await timed(
    'daily_counts',
    `CREATE OR REPLACE TABLE ${aside('daily_counts')} AS
     SELECT * FROM (${dailyCountsSelect('true', aside('repeat_appeals'))}) ${DAILY_COUNTS_ORDER}`,
  );
  let leftOut = new Set<string>();
  await timed('plan', async () => {
    const estimates = await estimateRollupRows(connection, aside('daily_counts'));
    leftOut = rollupsToLeaveOut(estimates, plan.keepShare ?? DEFAULT_KEEP_SHARE, plan.minRowsToLeaveOut);
  });
  // Largest first, each from the smallest rollup already built that holds its columns: summing a few thousand
  // rows of daily_types is far cheaper than re-reading daily_counts, which has nearly a row per ticket.
  const dailyCounts = ROLLUPS.find((r) => r.table === 'daily_counts')!;
  const built: Rollup[] = [dailyCounts];
  for (const rollup of [...ROLLUPS].reverse()) {
    if (rollup === dailyCounts || leftOut.has(rollup.table)) continue;
    const source = ROLLUPS.find((r) => built.includes(r) && holds(r, rollup)) ?? dailyCounts;
    await timed(
      rollup.table,
      `CREATE OR REPLACE TABLE ${aside(rollup.table)} AS
       SELECT * FROM (${rollupSelect(rollup, aside(source.table), source.ticketsOnly)}) ORDER BY day`,
    );
    built.push(rollup);
  }
  if (!leftOut.has('daily_cells'))
    await timed(
      'daily_cells',
      `CREATE OR REPLACE TABLE ${aside('daily_cells')} AS SELECT * FROM (${dailyCellsSelect()}) ORDER BY day`,
    );
  await timed('cell_places', `CREATE OR REPLACE TABLE ${aside('cell_places')} AS ${cellPlacesSelect()}`);
  // The monthly twins, what questions over whole months read (lib/sql/rollup-choice.ts): largest first, each from
  // the smallest monthly twin already built that holds its columns, else the smallest daily rollup that does.
  const builtMonthly: Rollup[] = [];
  for (const rollup of [...ROLLUPS].reverse()) {
    if (rollup === dailyCounts) continue;
    const monthly = monthlyOf(rollup);
    if (leftOut.has(monthly)) continue;
    const fromMonthly = ROLLUPS.find((r) => builtMonthly.includes(r) && holds(r, rollup));
    const source = fromMonthly ?? ROLLUPS.find((r) => built.includes(r) && holds(r, rollup)) ?? dailyCounts;
    await timed(
      monthly,
      `CREATE OR REPLACE TABLE ${aside(monthly)} AS
       SELECT * FROM (${monthlyRollupSelect(
         rollup,
         aside(fromMonthly ? monthlyOf(source) : source.table),
         source.ticketsOnly,
       )}) ORDER BY day`,
    );
    builtMonthly.push(rollup);
  }
  if (!leftOut.has('monthly_cells'))
    await timed(
      'monthly_cells',
      `CREATE OR REPLACE TABLE ${aside('monthly_cells')} AS
       SELECT * FROM (${monthlySelect(aside('daily_cells'), monthlyMeasures('daily_cells'))}) ORDER BY day`,
    );
  return leftOut;
}

/**
 * Replaces each rollup with its rebuilt table, and drops those the rebuild left out, inside the caller's
 * transaction; notes which were left out (ROLLUPS_LEFT_OUT) for readers and the next refresh.
 */
async function swapInRebuilt(connection: DuckDBConnection, leftOut: ReadonlySet<string>): Promise<void> {
  for (const table of PATCHED_TABLES) {
    await execute(
      connection,
      leftOut.has(table)
        ? `DROP TABLE IF EXISTS ${table}`
        : `DROP TABLE IF EXISTS ${table}; ALTER TABLE ${aside(table)} RENAME TO ${table}`,
    );
  }
  await execute(connection, 'INSERT OR REPLACE INTO meta VALUES ($1, $2)', [
    ROLLUPS_LEFT_OUT,
    [...leftOut].sort().join(','),
  ]);
}

const dropAside = (connection: DuckDBConnection) =>
  execute(connection, PATCHED_TABLES.map((t) => `DROP TABLE IF EXISTS ${aside(t)};`).join(' '));

/**
 * Brings what the dashboard reads instead of scanning every ticket up to date with the tickets. `scope: 'all'`
 * rebuilds everything (a few GROUP BYs, tens of seconds per 10 million tickets here); `'changed'`, what a load
 * does, recounts only the days the loads since the last refresh touched (etl/load/rollups-changed.ts) and falls
 * back to a full rebuild when it cannot be sure or when those days hold a large share of the tickets. Either way a
 * reader of the working copy never sees half a rollup (a patch runs in one transaction; a rebuild is built aside
 * and swapped in by one), and the result is the same.
 */
export async function refreshRollups(
  connection: DuckDBConnection,
  /** Seconds per table are added here (`rollups:<table>`), so a benchmark shows which one is slow. */
  timings?: Record<string, number>,
  options: {
    scope?: 'all' | 'changed';
    /** With 'changed': the share of all tickets above which the days to recount are rebuilt whole instead. */
    rebuildShare?: number;
  } & RollupPlanOptions = {},
): Promise<RollupRefresh> {
  const timed: TimedStatement = async (table, sql) => {
    const started = performance.now();
    if (typeof sql === 'string') await execute(connection, sql);
    else await sql();
    if (timings)
      timings[`rollups:${table}`] = (timings[`rollups:${table}`] ?? 0) + (performance.now() - started) / 1000;
  };
  await execute(connection, 'BEGIN TRANSACTION');
  let open = true;
  try {
    const refresh: RollupRefresh =
      options.scope === 'changed'
        ? await refreshChangedRollups(connection, timed, options.rebuildShare ?? DEFAULT_REBUILD_SHARE)
        : { scope: 'all', reason: 'a full rebuild was asked for' };
    if (refresh.scope === 'all') {
      // Nothing is changed yet when a full rebuild is due: the rollups are built aside, outside the transaction,
      // and swapped in within it, so readers still see the old rollups or the new ones, never half of them.
      await execute(connection, 'COMMIT');
      open = false;
      const leftOut = await rebuildAside(connection, timed, options);
      await execute(connection, 'BEGIN TRANSACTION');
      open = true;
      await swapInRebuilt(connection, leftOut);
    }
    await execute(connection, `${REPLACED_TICKETS_SQL}; DELETE FROM replaced_tickets`);
    const [last] = await queryRows<{ id: number }>(
      connection,
      'SELECT coalesce(max(load_id), 0)::INTEGER AS id FROM tickets',
    );
    await execute(connection, 'INSERT OR REPLACE INTO meta VALUES ($1, $2)', [
      ROLLUPS_THROUGH_LOAD,
      String(last?.id ?? 0),
    ]);
    // Timed too: the commit writes the changed row groups to the file (a checkpoint), seconds on a large warehouse.
    await timed('commit', 'COMMIT');
    return refresh;
  } catch (error) {
    if (open) await execute(connection, 'ROLLBACK');
    await dropAside(connection).catch(() => undefined);
    throw error;
  }
}
