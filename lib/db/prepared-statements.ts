import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResultReader } from '@duckdb/node-api';
import type { SqlParams } from './connection';

/**
 * Prepared statements kept per connection of the dashboard's pool, by SQL text. The dashboard asks the same few
 * hundred questions with different filters, and a parameterised run otherwise costs four round trips through the
 * native binding (extract, prepare, execute, destroy), each a task on Node's only thread: under load (bench/load)
 * the binding's share of that thread was a fifth, and every millisecond of it is one no other reader gets.
 * For the read-only warehouse only: its catalogue never changes under a statement.
 */
const KEPT_PER_CONNECTION = 200;

interface Kept {
  statement: DuckDBPreparedStatement;
  busy: boolean;
}

const keptByConnection = new WeakMap<DuckDBConnection, Map<string, Kept>>();

/** Runs `sql` with `params` on `connection` through its kept statement (prepared on first use), reading every row. */
export async function runKept(
  connection: DuckDBConnection,
  sql: string,
  params: SqlParams,
): Promise<DuckDBResultReader> {
  let kept = keptByConnection.get(connection);
  if (!kept) {
    kept = new Map();
    keptByConnection.set(connection, kept);
  }
  let entry = kept.get(sql);
  if (!entry) {
    const statement = await connection.prepare(sql).catch(() => null);
    // Several statements in one text cannot be prepared at once: run them as before (which reports any error).
    if (!statement) return connection.runAndReadAll(sql, params as never);
    entry = { statement, busy: false };
    kept.set(sql, entry);
    forgetOldest(kept);
  } else {
    // Map order is insertion order: re-inserting marks it recently used.
    kept.delete(sql);
    kept.set(sql, entry);
  }
  // The same text asked twice at once on one connection: the second runs on its own statement.
  if (entry.busy) return connection.runAndReadAll(sql, params as never);
  entry.busy = true;
  try {
    entry.statement.clearBindings();
    entry.statement.bind(params as never);
    return await entry.statement.runAndReadAll();
  } finally {
    entry.busy = false;
  }
}

function forgetOldest(kept: Map<string, Kept>): void {
  for (const [sql, entry] of kept) {
    if (kept.size <= KEPT_PER_CONNECTION) return;
    if (entry.busy) continue;
    kept.delete(sql);
    entry.statement.destroySync();
  }
}
