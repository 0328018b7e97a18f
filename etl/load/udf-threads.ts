import type { DuckDBConnection } from '@duckdb/node-api';
import { execute, queryRows } from '../../lib/db/connection';

/**
 * Runs `work` with twice DuckDB's usual worker threads, then restores the count. A JS scalar UDF (atlas_locate) runs
 * on Node's one JS thread, and a DuckDB worker that calls it waits there: with one worker per core, both cores sat
 * idle whenever every worker waited on the same JS call. Twice as many workers keep the SQL around the UDF going
 * meanwhile (measured on 1M work orders, 2 cores: normalise 16.3 s → 13.6 s; three times as many was slower again).
 */
export async function withUdfThreads<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  const [row] = await queryRows<{ threads: number }>(
    connection,
    "SELECT current_setting('threads')::INTEGER AS threads",
  );
  const threads = row?.threads ?? 0;
  if (threads <= 0) return work();
  await execute(connection, `SET threads = ${threads * 2}`);
  try {
    return await work();
  } finally {
    await execute(connection, `SET threads = ${threads}`);
  }
}
