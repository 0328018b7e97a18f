import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { ReaderError, type ReaderReject, type StagedFile, type StageOptions } from './staged-file';
import { createStagingTable, stagedValue, stagingColumnNames } from './staging-table';
import { cellText } from './xlsx-cell';
import { openWorkbookReader } from './xlsx-workbook-reader';

const PROGRESS_EVERY = 10_000;

/**
 * Stages the first worksheet that holds data, streaming it row by row (exceljs WorkbookReader) into the staging
 * table through DuckDB's Appender. The header is the first non-empty row; blank rows (exports padded to 65,536
 * rows) are skipped; `_row` is the sheet's own row number. A row with values right of the last header column is a
 * readerReject, since nothing can name those values.
 */
export async function stageXlsx(
  connection: DuckDBConnection,
  filePath: string,
  options: StageOptions,
): Promise<StagedFile> {
  const workbook = openWorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  let columns: string[] | null = null;
  let appender: DuckDBAppender | null = null;
  let rowCount = 0;
  const readerRejects: ReaderReject[] = [];
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const cells = rowTexts(row.values);
        if (cells.every((cell) => cell === null)) continue;
        if (!columns || !appender) {
          columns = stagingColumnNames(trimTrailingBlanks(cells));
          await createStagingTable(connection, options.tableName, columns);
          appender = await connection.createAppender(options.tableName, 'main', 'temp');
          continue;
        }
        const extra = cells.findIndex((cell, i) => i >= columns!.length && cell !== null);
        if (extra >= 0) {
          readerRejects.push({
            row: row.number,
            reason: `value in column ${extra + 1}, right of the last header column ${columns.length}`,
            raw: cells.map((cell) => cell ?? '').join('\t'),
          });
          continue;
        }
        appender.appendInteger(row.number);
        for (let i = 0; i < columns.length; i += 1) {
          const value = cells[i] ?? null;
          if (value === null) appender.appendNull();
          else appender.appendVarchar(value);
        }
        appender.endRow();
        rowCount += 1;
        if (rowCount % PROGRESS_EVERY === 0) options.onProgress?.(rowCount);
      }
      if (columns) break; // the first worksheet with data is the export; later sheets are notes or pivots
    }
    appender?.closeSync();
    appender = null;
  } catch (error) {
    throw new ReaderError(filePath, `cannot read as XLSX: ${(error as Error).message}`, { cause: error });
  } finally {
    appender?.closeSync();
  }
  if (!columns) throw new ReaderError(filePath, 'no data: every worksheet is empty');
  options.onProgress?.(rowCount);
  return { table: options.tableName, columns, rowCount, format: 'xlsx', readerRejects };
}

/** exceljs row values are 1-based and sparse; returns 0-based staged texts. */
function rowTexts(values: unknown): (string | null)[] {
  if (!Array.isArray(values)) return [];
  const texts: (string | null)[] = [];
  for (let i = 1; i < values.length; i += 1) texts.push(stagedValue(cellText(values[i])));
  return texts;
}

function trimTrailingBlanks(cells: (string | null)[]): (string | null)[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end -= 1;
  return cells.slice(0, end);
}
