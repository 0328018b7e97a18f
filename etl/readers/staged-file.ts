/** The formats a channel export can come in. */
export type FileFormat = 'csv' | 'xlsx' | 'json' | 'parquet';

/** The text encodings a CSV export is read in; `utf-8-bom` is UTF-8 that starts with a byte-order mark. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/**
 * A record the reader itself could not read (wrong field count, broken quoting, bad bytes). It is reported rather
 * than dropped: `row` is numbered like `_row` in the staging table, `raw` is the record's text as far as known.
 */
export interface ReaderReject {
  row: number;
  column?: string;
  reason: string;
  raw: string;
}

/**
 * One source file staged into a DuckDB TEMP table. The table holds `_row INTEGER` (the record's number as a user
 * finds it in the file: for CSV and XLSX the sheet/line numbering where the header is row 1, so the first CSV
 * record is row 2; for JSON and Parquet, which have no header line, the first record is row 1) followed by one
 * VARCHAR column per source column, named as in `columns`, trimmed, with empty values as NULL.
 */
export interface StagedFile {
  table: string;
  /** Column names of the staging table after `_row`, in file order (blank headers renamed, duplicates suffixed). */
  columns: string[];
  rowCount: number;
  format: FileFormat;
  encoding?: CsvEncoding;
  readerRejects: ReaderReject[];
}

/** Options every reader takes. */
export interface StageOptions {
  /** Name of the TEMP table to create (replaced if it exists). */
  tableName: string;
  /** Where transcoded temporary copies go. */
  tmpDir: string;
  /** Called with the number of records staged so far; readers that hand the whole file to DuckDB call it once. */
  onProgress?: (rows: number) => void;
}

/** An error about one input file; the message always starts with the file's path. */
export class ReaderError extends Error {
  constructor(
    readonly filePath: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${filePath}: ${detail}`, options);
    this.name = 'ReaderError';
  }
}
