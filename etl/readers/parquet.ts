import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../lib/sql/quote';
import { ReaderError, type StagedFile, type StageOptions } from './staged-file';
import { countRows, stagedValueSql, stagingColumnNames } from './staging-table';
import { varcharSql } from './varchar-sql';

/**
 * Stages a Parquet file: every column cast to VARCHAR (nested values as JSON text). `_row` is the record's position
 * in the file, first record = 1 (Parquet has no header row).
 */
export async function stageParquet(
  connection: DuckDBConnection,
  filePath: string,
  options: StageOptions,
): Promise<StagedFile> {
  const params = { path: filePath };
  try {
    const described = await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', params);
    const source = described.getRowObjectsJS().map((row) => ({
      name: String(row.column_name),
      type: String(row.column_type),
    }));
    const columns = stagingColumnNames(source.map((column) => column.name));
    const asText = source
      .map(
        (column, i) =>
          `${varcharSql(quoteIdentifier(column.name), column.type)} AS ${quoteIdentifier(columns[i]!)}`,
      )
      .join(', ');
    const staged = columns.map(
      (name) => `${stagedValueSql(quoteIdentifier(name))} AS ${quoteIdentifier(name)}`,
    );
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(options.tableName)} AS
       SELECT _row${staged.map((sql) => `, ${sql}`).join('')}
       FROM (SELECT (file_row_number + 1)::INTEGER AS _row, ${asText} FROM read_parquet($path, file_row_number = true))
       ORDER BY _row`,
      params,
    );
    const rowCount = await countRows(connection, options.tableName);
    options.onProgress?.(rowCount);
    return { table: options.tableName, columns, rowCount, format: 'parquet', readerRejects: [] };
  } catch (error) {
    throw new ReaderError(filePath, `cannot read as Parquet: ${(error as Error).message}`, { cause: error });
  }
}
