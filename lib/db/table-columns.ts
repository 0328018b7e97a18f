import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from './connection';

/** Each table of the warehouse's main schema with its column names (TEMP tables live in another database). */
export async function tableColumns(connection: DuckDBConnection): Promise<Map<string, Set<string>>> {
  const rows = await queryRows<{ table_name: string; column_name: string }>(
    connection,
    `SELECT table_name, column_name FROM duckdb_columns()
     WHERE schema_name = 'main' AND database_name = current_database()`,
  );
  const tables = new Map<string, Set<string>>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? new Set<string>();
    columns.add(row.column_name);
    tables.set(row.table_name, columns);
  }
  return tables;
}
