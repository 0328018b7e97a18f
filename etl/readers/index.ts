import { tmpdir } from 'node:os';
import type { DuckDBConnection } from '@duckdb/node-api';
import { stageCsv } from './csv';
import { detectFormat } from './detect-format';
import { stageJson } from './json';
import { stageParquet } from './parquet';
import type { FileFormat, StagedFile, StageOptions } from './staged-file';
import { stageXlsx } from './xlsx';

export { detectFormat } from './detect-format';
export type { CsvEncoding, FileFormat, ReaderReject, StagedFile } from './staged-file';
export { ReaderError } from './staged-file';

const READERS: Record<FileFormat, typeof stageCsv> = {
  csv: stageCsv,
  xlsx: stageXlsx,
  json: stageJson,
  parquet: stageParquet,
};

let stagedCount = 0;

/**
 * Stages one source file into a DuckDB TEMP table of VARCHAR columns (see StagedFile for its shape) on the given
 * connection, streaming: no reader holds the whole file in JS memory. `tableName` defaults to `stage_<n>` and
 * replaces an existing table of that name; `tmpDir` (default the OS temp dir) receives transcoded copies, deleted
 * before this returns. Throws ReaderError (`<file>: ...`) for a missing, empty or unreadable file; a file with a
 * header and no records stages as an empty table.
 */
export async function stageFile(
  connection: DuckDBConnection,
  filePath: string,
  options: { tableName?: string; tmpDir?: string; onProgress?: (rows: number) => void } = {},
): Promise<StagedFile> {
  const format = await detectFormat(filePath);
  stagedCount += 1;
  const readerOptions: StageOptions = {
    tableName: options.tableName ?? `stage_${stagedCount}`,
    tmpDir: options.tmpDir ?? tmpdir(),
    onProgress: options.onProgress,
  };
  return READERS[format](connection, filePath, readerOptions);
}
