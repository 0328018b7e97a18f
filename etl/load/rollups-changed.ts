import type { DuckDBConnection } from '@duckdb/node-api';
import { execute, queryRows } from '../../lib/db/connection';
import { tableColumns } from '../../lib/db/table-columns';
import {
  MONTHLY_SOURCES,
  monthlyTwin,
  outdatedRollups,
  parseLeftOut,
  ROLLUPS,
  ROLLUPS_LEFT_OUT,
} from '../../lib/sql/rollup-choice';
import { monthlyOf } from './rollup-plan';
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
import type { RollupRefresh, TimedStatement } from './rollups';

/** meta key: the newest load_id the rollups count. Tickets written by later loads are what a refresh adds. */
export const ROLLUPS_THROUGH_LOAD = 'rollups_through_load';

/** Every table a refresh of the changed days patches; one missing (an older warehouse) means a full rebuild. */
export const PATCHED_TABLES = [
  'repeat_appeals',
  ...ROLLUPS.map((r) => r.table),
  'daily_cells',
  'cell_places',
  ...MONTHLY_SOURCES.map(monthlyTwin),
];

/**
 * Keeps, in replaced_tickets, the rows of `condition` (on `tickets`) that the rollups count, before a load replaces
 * or re-categorises them: their day, caller and map cells are what the next refresh must recount, and the new
 * version no longer says where the old one was. Rows written since the last refresh are not counted yet and are
 * left out. Called by the merge (etl/load/merge.ts) and the classify step (etl/analytics/classify.ts).
 */
export async function noteReplacedTickets(connection: DuckDBConnection, condition: string): Promise<void> {
  await execute(
    connection,
    `INSERT INTO replaced_tickets
     SELECT ticket_id, received_at::DATE, caller_key, h3_r6, h3_r8 FROM tickets
     WHERE (${condition})
       AND load_id <= (SELECT coalesce(max(value::INTEGER), -1) FROM meta WHERE key = '${ROLLUPS_THROUGH_LOAD}')`,
  );
}

/** The scratch tables of a refresh, dropped whichever way it ends. */
const SCRATCH = [
  'atlas_changed',
  'atlas_repeat_now',
  'atlas_repeat_before',
  'atlas_stale_days',
  'atlas_daily',
];
const dropScratch = (connection: DuckDBConnection) =>
  execute(connection, SCRATCH.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '));

const count = async (connection: DuckDBConnection, sql: string): Promise<number> =>
  (await queryRows<{ n: number }>(connection, `SELECT (${sql})::INTEGER AS n`))[0]?.n ?? 0;

/**
 * Recounts the rollups for what the loads since the last refresh changed, instead of every day. A rollup row
 * depends only on its day's tickets, and a ticket's repeat-appeal mark on its caller's tickets, so it recounts:
 * - the repeat appeals of every caller with a new, replaced or re-categorised ticket;
 * - every rollup's rows of each day with such a ticket (its old and its new day), and of each day with an older
 *   ticket whose repeat mark changed (a late ticket can make an earlier caller's next appeal a repeat);
 * - the monthly twins of those days' months, and the map places of the cells those tickets were or are in.
 * Each day is recounted whole from the tickets with the same SELECT as the full rebuild (etl/load/rollup-sql.ts),
 * so the tables come out as a full rebuild would make them (tests/etl/rollups-changed.test.ts checks that).
 *
 * Returns `{ scope: 'all' }` without changing anything when a full rebuild is needed: no refresh since the
 * warehouse was made, a rollup table missing or without a column this version's have, or the days to recount
 * holding more than `rebuildShare` of all tickets (one GROUP BY over everything is then quicker than patching).
 */
export async function refreshChangedRollups(
  connection: DuckDBConnection,
  timed: TimedStatement,
  rebuildShare: number,
): Promise<RollupRefresh> {
  const [marker] = await queryRows<{ id: number | null }>(
    connection,
    `SELECT max(value::INTEGER) AS id FROM meta WHERE key = '${ROLLUPS_THROUGH_LOAD}'`,
  );
  if (marker?.id == null) return { scope: 'all', reason: 'the rollups had never been refreshed' };
  if (rebuildShare <= 0)
    return { scope: 'all', reason: 'the rebuild share (HOTLINE_ROLLUP_REBUILD_SHARE) is 0' };
  const columns = await tableColumns(connection);
  const [noted] = await queryRows<{ value: string }>(connection, 'SELECT value FROM meta WHERE key = $1', [
    ROLLUPS_LEFT_OUT,
  ]);
  // Tables the last rebuild left out stay out (rollup-plan.ts); the next full rebuild decides again.
  const leftOut = parseLeftOut(noted?.value);
  const present = (table: string) => !leftOut.has(table);
  const missing = [
    ...new Set([
      ...PATCHED_TABLES.filter((t) => present(t) && !columns.has(t)),
      ...outdatedRollups(columns, leftOut),
    ]),
  ];
  if (missing.length > 0)
    return { scope: 'all', reason: `the warehouse had no up-to-date ${missing.join(', ')}` };

  // What changed: tickets written since the last refresh, the current version of re-categorised ones, and the old
  // versions the merge and the classifier noted before replacing them.
  await timed(
    'changed tickets',
    `CREATE OR REPLACE TEMP TABLE atlas_changed AS
     SELECT ticket_id, received_at::DATE AS day, caller_key, h3_r6, h3_r8 FROM tickets WHERE load_id > ${marker.id}
     UNION ALL
     SELECT ticket_id, received_at::DATE, caller_key, h3_r6, h3_r8 FROM tickets
     WHERE ticket_id IN (SELECT ticket_id FROM replaced_tickets)
     UNION ALL
     SELECT * FROM replaced_tickets`,
  );
  if ((await count(connection, 'SELECT count(*) FROM atlas_changed')) === 0) {
    await dropScratch(connection);
    return { scope: 'changed', days: 0, tickets: 0 };
  }
  const callers = 'SELECT DISTINCT caller_key FROM atlas_changed WHERE caller_key IS NOT NULL';
  await timed(
    'changed callers: repeats now',
    `CREATE OR REPLACE TEMP TABLE atlas_repeat_now AS
     ${repeatAppealsSelect(`caller_key IN (${callers})`)}`,
  );
  await timed(
    'changed callers: repeats before',
    `CREATE OR REPLACE TEMP TABLE atlas_repeat_before AS
     SELECT ticket_id FROM repeat_appeals
     WHERE ticket_id IN (SELECT ticket_id FROM tickets WHERE caller_key IN (${callers}))
        OR ticket_id IN (SELECT ticket_id FROM atlas_changed)`,
  );
  // The stale days: those of changed tickets, and those of older tickets whose repeat mark came or went.
  await timed(
    'stale days',
    `CREATE OR REPLACE TEMP TABLE atlas_stale_days AS
     SELECT day FROM atlas_changed
     UNION
     SELECT received_at::DATE FROM tickets
     WHERE ticket_id IN (
       (SELECT ticket_id FROM atlas_repeat_before EXCEPT SELECT ticket_id FROM atlas_repeat_now)
       UNION
       (SELECT ticket_id FROM atlas_repeat_now EXCEPT SELECT ticket_id FROM atlas_repeat_before))`,
  );
  const [span] = await queryRows<{ first: string; last: string; days: number }>(
    connection,
    `SELECT strftime(min(day), '%Y-%m-%d') AS first, strftime(max(day), '%Y-%m-%d') AS last,
            count(*)::INTEGER AS days
     FROM atlas_stale_days`,
  );
  if (!span) throw new Error('no stale days although tickets changed');
  // The literal range lets DuckDB skip the blocks outside it; the IN list picks the days inside it.
  const onStaleDays = (day: string) =>
    `${day} >= DATE '${span.first}' AND ${day} <= DATE '${span.last}' AND ${day} IN (SELECT day FROM atlas_stale_days)`;
  const ticketsOnStaleDays = `received_at >= TIMESTAMP '${span.first}' AND received_at < TIMESTAMP '${span.last}' + INTERVAL 1 DAY
    AND received_at::DATE IN (SELECT day FROM atlas_stale_days)`;
  const staleTickets = await count(connection, `SELECT count(*) FROM tickets WHERE ${ticketsOnStaleDays}`);
  const allTickets = await count(connection, 'SELECT count(*) FROM tickets');
  if (staleTickets > rebuildShare * allTickets) {
    await dropScratch(connection);
    return {
      scope: 'all',
      reason: `the days to recount hold ${staleTickets} of ${allTickets} tickets, more than ${Math.round(rebuildShare * 100)} %`,
    };
  }

  await timed(
    'repeat_appeals',
    `DELETE FROM repeat_appeals WHERE ticket_id IN (SELECT ticket_id FROM atlas_repeat_before);
     INSERT INTO repeat_appeals BY NAME SELECT * FROM atlas_repeat_now`,
  );
  await timed(
    'daily_counts',
    `CREATE OR REPLACE TEMP TABLE atlas_daily AS ${dailyCountsSelect(ticketsOnStaleDays)};
     DELETE FROM daily_counts WHERE ${onStaleDays('day')};
     INSERT INTO daily_counts BY NAME SELECT * FROM atlas_daily ${DAILY_COUNTS_ORDER}`,
  );
  // The smaller rollups are summed from the recounted days alone, as the full rebuild sums them from daily_counts.
  for (const rollup of ROLLUPS) {
    if (rollup.table === 'daily_counts' || !present(rollup.table)) continue;
    await timed(
      rollup.table,
      `DELETE FROM ${rollup.table} WHERE ${onStaleDays('day')};
       INSERT INTO ${rollup.table} BY NAME SELECT * FROM (${rollupSelect(rollup, 'atlas_daily')}) ORDER BY day`,
    );
  }
  if (present('daily_cells'))
    await timed(
      'daily_cells',
      `DELETE FROM daily_cells WHERE ${onStaleDays('day')};
     INSERT INTO daily_cells BY NAME SELECT * FROM (${dailyCellsSelect(ticketsOnStaleDays)}) ORDER BY day`,
    );
  await timed(
    'cell_places',
    `DELETE FROM cell_places
     WHERE (resolution = 8 AND cell IN (SELECT h3_r8 FROM atlas_changed))
        OR (resolution = 6 AND cell IN (SELECT h3_r6 FROM atlas_changed));
     INSERT INTO cell_places BY NAME ${cellPlacesSelect({
       r8: 'h3_r8 IN (SELECT h3_r8 FROM atlas_changed)',
       r6: 'h3_r6 IN (SELECT h3_r6 FROM atlas_changed)',
     })}`,
  );
  const monthOf = "date_trunc('month', day)::DATE";
  const staleMonths = (table: string) => `(SELECT * FROM ${table}
    WHERE day >= date_trunc('month', DATE '${span.first}') AND day <= DATE '${span.last}' + INTERVAL 31 DAY
      AND ${monthOf} IN (SELECT DISTINCT ${monthOf} FROM atlas_stale_days))`;
  const replaceMonths = (monthly: string, select: string) =>
    timed(
      monthly,
      `DELETE FROM ${monthly} WHERE day IN (SELECT DISTINCT ${monthOf} FROM atlas_stale_days);
       INSERT INTO ${monthly} BY NAME SELECT * FROM (${select}) ORDER BY day`,
    );
  // Each monthly twin from its daily rollup, or from daily_counts where the daily rollup was left out.
  for (const rollup of ROLLUPS) {
    if (rollup.table === 'daily_counts' || !present(monthlyOf(rollup))) continue;
    const source = present(rollup.table) ? rollup.table : 'daily_counts';
    await replaceMonths(
      monthlyOf(rollup),
      monthlyRollupSelect(rollup, staleMonths(source), rollup.ticketsOnly && source === rollup.table),
    );
  }
  if (present('monthly_cells'))
    await replaceMonths(
      'monthly_cells',
      monthlySelect(staleMonths('daily_cells'), monthlyMeasures('daily_cells')),
    );
  await dropScratch(connection);
  return { scope: 'changed', days: span.days, tickets: staleTickets };
}
