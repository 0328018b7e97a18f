import type { DuckDBConnection } from '@duckdb/node-api';
import { execute, queryRows } from '../../lib/db/connection';
import type { NormalisingSql, RowChoice } from './normalised-select';
import { noteReplacedTickets } from './rollups-changed';

/** Columns that say where a row came from; they do not make a ticket "changed". */
const PROVENANCE = new Set(['load_id', 'source_file', 'source_row', 'source_layout', 'row_hash']);

export interface MergeCounts {
  loaded: number;
  updated: number;
  unchanged: number;
}

/** The tickets table's columns, in order. */
export async function ticketColumns(connection: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    connection,
    "SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'tickets' AND schema_name = 'main' AND database_name = current_database() ORDER BY column_index",
  );
  return rows.map((r) => r.name);
}

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(connection, `SELECT count(*)::INTEGER AS n FROM (${sql})`);
  return row?.n ?? 0;
}

/**
 * Writes the accepted rows of TEMP table `verdict` into tickets, keyed by ticket_id. Rows with new ids are
 * normalised straight into tickets (loaded), with no wide temporary table in between: that copy cost as much as the
 * normalisation itself. Rows whose id exists are normalised into a TEMP table and compared by content hash:
 * changed ones replace the old ticket (updated), the rest are counted unchanged. The hash is DuckDB's 64-bit hash
 * of every content column: a false "unchanged" needs two versions of one ticket to collide (about 1 in 10^19).
 * Runs inside the caller's transaction.
 */
export async function writeTickets(
  connection: DuckDBConnection,
  sql: NormalisingSql,
  columns: string[],
): Promise<MergeCounts> {
  const content = columns.filter((c) => !PROVENANCE.has(c));
  const withHash = (rows: RowChoice) =>
    `SELECT t.*, hash(${content.map((c) => `t."${c}"`).join(', ')}) AS row_hash FROM (${sql.tickets(rows)}) t`;
  const list = columns.map((c) => `"${c}"`).join(', ');

  await execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE atlas_rows_existing AS
     SELECT v._row, v.ticket_id, t.row_hash AS old_hash
     FROM verdict v JOIN tickets t ON t.ticket_id = v.ticket_id
     WHERE v.reject_reason IS NULL`,
  );
  // New rows are all staged rows but these: the rejected ones and those whose id is already known.
  await execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE atlas_rows_skipped AS
     SELECT _row FROM verdict WHERE reject_reason IS NOT NULL
     UNION ALL SELECT _row FROM atlas_rows_existing`,
  );
  const loaded =
    (await count(connection, 'SELECT 1 FROM verdict WHERE reject_reason IS NULL')) -
    (await count(connection, 'SELECT 1 FROM atlas_rows_existing'));
  if (loaded > 0) {
    await execute(
      connection,
      `INSERT INTO tickets (${list}) SELECT ${list} FROM (${withHash({ except: 'atlas_rows_skipped' })})`,
    );
  }
  const existing = await count(connection, 'SELECT 1 FROM atlas_rows_existing');
  if (existing === 0) return { loaded, updated: 0, unchanged: 0 };

  await execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE atlas_updates AS ${withHash({ only: 'atlas_rows_existing' })}`,
  );
  const changed = `SELECT u.* FROM atlas_updates u JOIN atlas_rows_existing e ON e._row = u._row WHERE u.row_hash <> e.old_hash`;
  const updated = await count(connection, changed);
  if (updated > 0) {
    const replaced = `ticket_id IN (SELECT ticket_id FROM (${changed}))`;
    await noteReplacedTickets(connection, replaced);
    await execute(connection, `DELETE FROM tickets WHERE ${replaced}`);
    await execute(connection, `INSERT INTO tickets (${list}) SELECT ${list} FROM (${changed})`);
  }
  return { loaded, updated, unchanged: existing - updated };
}
