import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../lib/sql/quote';
import { findJsonLayout } from './json-layout';
import { ReaderError, type StagedFile, type StageOptions } from './staged-file';
import { countRows, stagedValueSql, stagingColumnNames } from './staging-table';

/**
 * Object size limit given to DuckDB: its 16 MB default, or the file size when read_json_objects sees the whole
 * file as one object (a single-record file). Records are small; this only bounds the odd giant one.
 */
const MIN_OBJECT_BYTES = 16 * 1024 * 1024;
const MAX_OBJECT_BYTES = 1024 * 1024 * 1024;

/**
 * Stages JSON records: a top-level array of objects (Open311 GeoReport v2 `requests.json`), NDJSON, or one object
 * wrapping such an array (`{"service_requests": [...]}`; the member holding the longest array of objects wins,
 * copied byte for byte into a temp file under tmpDir first). DuckDB parses the records, not JS. Columns are the record keys in order of first appearance; nested values are
 * staged as JSON text. `_row` is the record's position, first record = 1 (JSON has no header row).
 */
export async function stageJson(
  connection: DuckDBConnection,
  filePath: string,
  options: StageOptions,
): Promise<StagedFile> {
  const records = quoteIdentifier(`${options.tableName}__records`);
  let tmp: string | undefined;
  try {
    let recordsPath = filePath;
    const layout = await findJsonLayout(filePath);
    if (layout.kind === 'wrapped') {
      tmp = await mkdtemp(join(options.tmpDir, 'hotline-atlas-json-'));
      recordsPath = join(tmp, 'records.json');
      await pipeline(
        createReadStream(filePath, { start: layout.start, end: layout.end }),
        createWriteStream(recordsPath),
      );
    }
    const { size } = await stat(recordsPath);
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${records} AS
       SELECT json AS rec FROM read_json_objects($path, format = 'auto',
         maximum_object_size = ${Math.max(MIN_OBJECT_BYTES, Math.min(size + 1, MAX_OBJECT_BYTES))})`,
      { path: recordsPath },
    );
    const nonObjects = await connection.runAndReadAll(
      `SELECT count(*)::BIGINT AS n FROM ${records} WHERE json_type(rec) <> 'OBJECT'`,
    );
    if (Number(nonObjects.getRowObjectsJS()[0]?.n) > 0) {
      throw new ReaderError(filePath, 'JSON records must be objects (one per ticket)');
    }
    const keys = await recordKeys(connection, records);
    const columns = stagingColumnNames(keys);
    const params: Record<string, string> = {};
    const asText = keys.map((key, i) => {
      params[`k${i}`] = jsonPointer(key);
      return `, json_extract_string(rec, $k${i}) AS ${quoteIdentifier(columns[i]!)}`;
    });
    const staged = columns.map(
      (name) => `, ${stagedValueSql(quoteIdentifier(name))} AS ${quoteIdentifier(name)}`,
    );
    // `_row` cannot clash with a key: stagingColumnNames never hands it out.
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(options.tableName)} AS
       SELECT _row${staged.join('')}
       FROM (SELECT (rowid + 1)::INTEGER AS _row${asText.join('')} FROM ${records}) ORDER BY _row`,
      params,
    );
    const rowCount = await countRows(connection, options.tableName);
    options.onProgress?.(rowCount);
    return { table: options.tableName, columns, rowCount, format: 'json', readerRejects: [] };
  } catch (error) {
    if (error instanceof ReaderError) throw error;
    throw new ReaderError(filePath, `cannot read as JSON: ${(error as Error).message}`, { cause: error });
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${records}`);
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

/** Every key used by any record, in order of first appearance (record order, then key order). */
async function recordKeys(connection: DuckDBConnection, records: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    `SELECT key FROM (
       SELECT rowid AS record_no, unnest(json_keys(rec)) AS key, generate_subscripts(json_keys(rec), 1) AS key_no
       FROM ${records})
     GROUP BY key ORDER BY min({r: record_no, k: key_no})`,
  );
  return reader.getRowObjectsJS().map((row) => String(row.key));
}

/** RFC 6901 JSON Pointer to a top-level member. */
function jsonPointer(key: string): string {
  return `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
