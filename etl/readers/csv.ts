import { mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, sqlString } from '../../lib/sql/quote';
import { readCsvHeader } from './csv-header';
import { detectEncoding, transcodeToUtf8 } from './encoding';
import {
  type CsvEncoding,
  ReaderError,
  type ReaderReject,
  type StagedFile,
  type StageOptions,
} from './staged-file';
import { countRows, numberRowsInFileOrder, stagedValueSql, stagingColumnNames } from './staging-table';

/** Longest record DuckDB will read (bytes); long 留言详情 texts with pasted documents exceed the 2 MB default. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
/**
 * Read buffer (bytes), DuckDB's default for its default line size. Left implicit, it grows with max_line_size to
 * 256 MB, and parsing a 500 MB file took 2.5 times as long (measured); a record only needs to fit one buffer.
 */
const BUFFER_BYTES = 32 * 1024 * 1024;

/**
 * Stages a CSV file (comma, tab, semicolon or pipe delimited; UTF-8, UTF-8 with BOM, GBK or GB18030) into a TEMP
 * table. DuckDB's read_csv does the parsing; records with the wrong number of fields or broken quoting come back
 * as readerRejects numbered like `_row` (header = row 1).
 */
export async function stageCsv(
  connection: DuckDBConnection,
  filePath: string,
  options: StageOptions,
): Promise<StagedFile> {
  const guessed = await detectEncoding(filePath);
  const staged = await stageWithEncoding(connection, filePath, guessed, options);
  // The guess only looked at the first megabytes: bytes that are not UTF-8 further on mean GBK/GB18030 after all.
  if (guessed === 'utf-8' && staged.readerRejects.some((reject) => /UNICODE|ENCODING/i.test(reject.reason))) {
    return stageWithEncoding(connection, filePath, 'gb18030', options);
  }
  return staged;
}

async function stageWithEncoding(
  connection: DuckDBConnection,
  filePath: string,
  encoding: CsvEncoding,
  options: StageOptions,
): Promise<StagedFile> {
  let tmp: string | undefined;
  try {
    let utf8Path = filePath;
    if (encoding === 'gb18030') {
      tmp = await mkdtemp(join(options.tmpDir, 'hotline-atlas-csv-'));
      utf8Path = join(tmp, `${basename(filePath)}.utf8.csv`);
      await transcodeToUtf8(filePath, utf8Path);
    }
    const staged = await stageUtf8(connection, filePath, utf8Path, options);
    return { ...staged, encoding };
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

async function stageUtf8(
  connection: DuckDBConnection,
  filePath: string,
  utf8Path: string,
  options: StageOptions,
): Promise<StagedFile> {
  const header = await readCsvHeader(utf8Path);
  if (!header) throw new ReaderError(filePath, 'file is empty (no header row)');
  const columns = stagingColumnNames(header.cells);
  const rejectsTable = `${options.tableName}__reject_errors`;
  const rejectsScan = `${options.tableName}__reject_scans`;
  const readCsv = `read_csv($path, header = true, delim = $delim, quote = '"', escape = '"', all_varchar = true,
    max_line_size = ${MAX_RECORD_BYTES}, buffer_size = ${BUFFER_BYTES}, store_rejects = true,
    rejects_table = ${sqlString(rejectsTable)}, rejects_scan = ${sqlString(rejectsScan)})`;
  const params = { path: utf8Path, delim: header.delimiter };

  await dropTables(connection, [rejectsTable, rejectsScan]);
  try {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${readCsv}`, params);
    const sourceColumns = described.getRowObjectsJS().map((row) => String(row.column_name));
    if (sourceColumns.length !== columns.length) {
      throw new ReaderError(
        filePath,
        `header has ${columns.length} fields but DuckDB read ${sourceColumns.length}; is the delimiter "${header.delimiter}" right?`,
      );
    }
    const projection = sourceColumns
      .map((source, i) => `${stagedValueSql(quoteIdentifier(source))} AS ${quoteIdentifier(columns[i]!)}`)
      .join(', ');
    // Without a window over the scan (row_number() OVER () runs on one thread and doubled this read), the table
    // keeps the records in the order read and numberRowsInFileOrder numbers them from their rowids.
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(options.tableName)} AS
       SELECT NULL::INTEGER AS _row, ${projection} FROM ${readCsv}`,
      params,
    );
    const readerRejects = await collectRejects(connection, rejectsTable, columns, sourceColumns);
    await numberRowsInFileOrder(
      connection,
      options.tableName,
      2,
      readerRejects.map((reject) => reject.row - 2),
    );
    const rowCount = await countRows(connection, options.tableName);
    options.onProgress?.(rowCount);
    return { table: options.tableName, columns, rowCount, format: 'csv', readerRejects };
  } catch (error) {
    if (error instanceof ReaderError) throw error;
    throw new ReaderError(filePath, `cannot read as CSV: ${(error as Error).message}`, { cause: error });
  } finally {
    await dropTables(connection, [rejectsTable, rejectsScan]);
  }
}

/**
 * One reject per record. DuckDB reports a record with extra fields once per extra field, in column order; the last
 * report of each error type has the full count, so it is the one kept.
 */
async function collectRejects(
  connection: DuckDBConnection,
  rejectsTable: string,
  columns: readonly string[],
  sourceColumns: readonly string[],
): Promise<ReaderReject[]> {
  const reader = await connection.runAndReadAll(
    `SELECT line::BIGINT AS line, column_name, error_type, error_message, csv_line
     FROM ${quoteIdentifier(rejectsTable)} ORDER BY line, column_idx`,
  );
  const byRow = new Map<number, { reject: ReaderReject; reasons: Map<string, string> }>();
  for (const error of reader.getRowObjectsJS()) {
    const row = Number(error.line);
    let entry = byRow.get(row);
    if (!entry) {
      const raw = String(error.csv_line ?? '').replace(/^[\r\n]+|[\r\n]+$/g, '');
      entry = { reject: { row, reason: '', raw }, reasons: new Map() };
      const sourceIndex = error.column_name == null ? -1 : sourceColumns.indexOf(String(error.column_name));
      if (sourceIndex >= 0) entry.reject.column = columns[sourceIndex];
      byRow.set(row, entry);
    }
    entry.reasons.set(String(error.error_type), String(error.error_message));
  }
  return [...byRow.values()].map(({ reject, reasons }) => ({
    ...reject,
    reason: [...reasons].map(([type, message]) => `${type}: ${message}`).join('; '),
  }));
}

async function dropTables(connection: DuckDBConnection, tables: readonly string[]): Promise<void> {
  for (const table of tables) await connection.run(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
}
