import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { toPlainValue } from './values';

/** Values bound to `$name` or `?` placeholders. Never paste values into SQL text. */
export type SqlParams = Record<string, DuckDBValue> | DuckDBValue[];

export interface Warehouse {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

/**
 * Opens a warehouse file. The dashboard opens read-only; only the ETL writes (see etl/load/PUBLISHING.md for why
 * the ETL writes a copy and swaps it in). `timeZone` pins DuckDB's ICU zone so date functions agree with the
 * deployment.
 */
export async function openWarehouse(
  filePath: string,
  options: { readOnly?: boolean; timeZone?: string; threads?: number } = {},
): Promise<Warehouse> {
  const config: Record<string, string> = {};
  if (options.readOnly) config.access_mode = 'READ_ONLY';
  if (options.threads) config.threads = String(options.threads);
  const instance = await DuckDBInstance.create(filePath, config);
  const connection = await instance.connect();
  if (options.timeZone) await connection.run(`SET TimeZone = '${options.timeZone.replace(/'/g, '')}'`);
  return {
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Runs a statement and returns its rows as plain objects (bigints converted, see toPlainValue). */
export async function queryRows<Row>(
  connection: DuckDBConnection,
  sql: string,
  params?: SqlParams,
): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS().map((row) => toPlainValue(row) as Row);
}

/** Runs a statement for its effect. */
export async function execute(connection: DuckDBConnection, sql: string, params?: SqlParams): Promise<void> {
  await connection.run(sql, params as never);
}
