import type { DuckDBConnection } from '@duckdb/node-api';
import { execute, queryRows } from '../../lib/db/connection';
import { MONTHLY_SOURCES, monthlyTwin, ROLLUPS, type Rollup } from '../../lib/sql/rollup-choice';
import {
  cellPlacesSelect,
  DAILY_COUNTS_ORDER,
  dailyCellsSelect,
  dailyCountsSelect,
  monthlyMeasures,
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
export type TimedStatement = (table: string, sql: string) => Promise<void>;

/** Whether `target` can be summed from `source`: every dimension, the buckets and the measures it needs. */
function holds(source: Rollup, target: Rollup): boolean {
  return (
    target.dimensions.every((d) => source.dimensions.includes(d)) &&
    (!target.buckets || source.buckets) &&
    (target.ticketsOnly || !source.ticketsOnly)
  );
}

/** The name a rebuilt table has until it replaces the current one. */
const aside = (table: string) => `atlas_next_${table}`;

/**
 * Rebuilds every rollup from the tickets into tables aside (`atlas_next_<table>`): `repeat_appeals` (tickets that
 * repeat a caller's appeal on the same problem), `daily_counts` (a row per day and every dimension a KPI filters
 * on, with the counts each KPI needs), the smaller rollups of lib/sql/rollup-choice.ts summed from it (a few
 * dimensions each, many times faster to read), the map's `daily_cells` and `cell_places`, and each rollup's
 * monthly twin. Each statement commits on its own: DuckDB scans a table written by the still open transaction on
 * one thread, and most rollups are summed from another rollup (bench:etl, 1M work orders, 2 cores: the rollups
 * took 19-20 s in one transaction, 13-14 s built aside).
 */
async function rebuildAside(timed: TimedStatement): Promise<void> {
  await timed(
    'repeat_appeals',
    `CREATE OR REPLACE TABLE ${aside('repeat_appeals')} AS ${repeatAppealsSelect()}`,
  );
  await timed(
    'daily_counts',
    `CREATE OR REPLACE TABLE ${aside('daily_counts')} AS
     SELECT * FROM (${dailyCountsSelect('true', aside('repeat_appeals'))}) ${DAILY_COUNTS_ORDER}`,
  );
  // Largest first, each from the smallest rollup already built that holds its columns: summing a few thousand
  // rows of daily_types is far cheaper than re-reading daily_counts, which has nearly a row per ticket.
  const built: Rollup[] = ROLLUPS.filter((r) => r.table === 'daily_counts');
  for (const rollup of [...ROLLUPS].reverse()) {
    if (rollup.table === 'daily_counts') continue;
    const source = ROLLUPS.find((r) => built.includes(r) && holds(r, rollup)) ?? built[0]!;
    await timed(
      rollup.table,
      `CREATE OR REPLACE TABLE ${aside(rollup.table)} AS
       SELECT * FROM (${rollupSelect(rollup, aside(source.table), source.ticketsOnly)}) ORDER BY day`,
    );
    built.push(rollup);
  }
  await timed(
    'daily_cells',
    `CREATE OR REPLACE TABLE ${aside('daily_cells')} AS SELECT * FROM (${dailyCellsSelect()}) ORDER BY day`,
  );
  await timed('cell_places', `CREATE OR REPLACE TABLE ${aside('cell_places')} AS ${cellPlacesSelect()}`);
  // Each rollup's monthly twin, summed from it: what questions over whole months read (lib/sql/rollup-choice.ts).
  for (const daily of MONTHLY_SOURCES) {
    const monthly = monthlyTwin(daily);
    await timed(
      monthly,
      `CREATE OR REPLACE TABLE ${aside(monthly)} AS
       SELECT * FROM (${monthlySelect(aside(daily), monthlyMeasures(daily))}) ORDER BY day`,
    );
  }
}

/** Replaces each rollup with its rebuilt table, inside the caller's transaction. */
async function swapInRebuilt(connection: DuckDBConnection): Promise<void> {
  for (const table of PATCHED_TABLES) {
    await execute(
      connection,
      `DROP TABLE IF EXISTS ${table}; ALTER TABLE ${aside(table)} RENAME TO ${table}`,
    );
  }
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
  } = {},
): Promise<RollupRefresh> {
  const timed: TimedStatement = async (table, sql) => {
    const started = performance.now();
    await execute(connection, sql);
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
      await rebuildAside(timed);
      await execute(connection, 'BEGIN TRANSACTION');
      open = true;
      await swapInRebuilt(connection);
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
