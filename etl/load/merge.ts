import type { DuckDBConnection } from '@duckdb/node-api';
import { execute, queryRows } from '../../lib/db/connection';

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

/**
 * Merges the accepted rows of TEMP table `norm` into tickets by ticket_id: new ids are inserted (loaded), ids whose
 * content hash changed are replaced (updated), the rest are counted unchanged. Runs inside the caller's
 * transaction.
 */
export async function mergeTickets(connection: DuckDBConnection, columns: string[]): Promise<MergeCounts> {
  const content = columns.filter((c) => !PROVENANCE.has(c));
  const hashInput = `to_json(struct_pack(${content.map((c) => `"${c}" := n."${c}"`).join(', ')}))`;
  await execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE incoming AS
     SELECT n.*, md5(${hashInput}::VARCHAR) AS row_hash, t.row_hash AS old_hash
     FROM norm n LEFT JOIN tickets t ON t.ticket_id = n.ticket_id
     WHERE n.reject_reason IS NULL`,
  );
  const [counts] = await queryRows<MergeCounts>(
    connection,
    `SELECT count(*) FILTER (WHERE old_hash IS NULL)::INTEGER AS loaded,
            count(*) FILTER (WHERE old_hash IS NOT NULL AND old_hash <> row_hash)::INTEGER AS updated,
            count(*) FILTER (WHERE old_hash = row_hash)::INTEGER AS unchanged
     FROM incoming`,
  );
  if (!counts) throw new Error('merge: no counts');
  if (counts.updated > 0) {
    await execute(
      connection,
      `DELETE FROM tickets WHERE ticket_id IN (SELECT ticket_id FROM incoming WHERE old_hash <> row_hash)`,
    );
  }
  const list = columns.map((c) => `"${c}"`).join(', ');
  await execute(
    connection,
    `INSERT INTO tickets (${list}) SELECT ${list} FROM incoming WHERE old_hash IS NULL OR old_hash <> row_hash`,
  );
  return counts;
}
