import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { execute, queryRows } from '../../lib/db/connection';
import { quoteIdentifier, sqlString } from '../../lib/sql/quote';
import { maskTextSql } from '../normalise/privacy-sql';
import { type StagedFile, stageFile } from '../readers';
import { type BoundLayout, detectLayout, requireLayout } from './detect-layout';
import { type FileLoadResult, findIdenticalLoad, nextLoadId, recordLoad, recordSkipped } from './load-log';
import { createCategoryLookup } from './lookups';
import type { Layout, TicketField } from './mapping-schema';
import { ticketColumns, writeTickets } from './merge';
import { normalisedSelect } from './normalised-select';
import { withUdfThreads } from './udf-threads';

export interface LoadFileOptions {
  layouts: Layout[];
  /** A layout forced by the user; otherwise detected from the headers. */
  layout?: Layout;
  deploymentTimeZone: string;
  secret: Uint8Array;
  hasBoundaries: boolean;
  tmpDir?: string;
  /** Called as stages start, with rows staged so far. */
  onStage?: (stage: string, rows: number) => void;
}

const PERSONAL_FIELDS: TicketField[] = ['callerPhone', 'callerName', 'callerIdNumber', 'callerAccount'];

/** SHA-256 of the file's bytes, streamed. */
export async function fileContentHash(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** JSON of a staged row as read, with personal columns removed and personal data in the rest masked. */
function rawValuesSql(bound: BoundLayout, staged: StagedFile, alias: string): string {
  const personal = new Set(PERSONAL_FIELDS.flatMap((f) => bound.columns[f] ?? []));
  const nameColumn = bound.columns.callerName?.[0];
  const name = nameColumn ? `${alias}.${quoteIdentifier(nameColumn)}` : null;
  const value = (c: string) => {
    const column = `${alias}.${quoteIdentifier(c)}`;
    return name
      ? `CASE WHEN length(${name}) >= 2 THEN replace(${column}, ${name}, '*') ELSE ${column} END`
      : column;
  };
  const pairs = staged.columns.map((c) =>
    personal.has(c)
      ? `${sqlString(c)}, CASE WHEN ${alias}.${quoteIdentifier(c)} IS NOT NULL THEN '[removed]' END`
      : `${sqlString(c)}, ${maskTextSql(value(c))}`,
  );
  // json_object takes at most 100 arguments per call on some versions: merge in slices.
  const slices: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) slices.push(`json_object(${pairs.slice(i, i + 40).join(', ')})`);
  return slices.length === 1 ? (slices[0] as string) : `json_merge_patch(${slices.join(', ')})`;
}

/**
 * Loads one export file into the warehouse in one transaction: stage → detect layout → normalise → reject → merge
 * → log. On any error the transaction rolls back, a 'failed' entry is logged, and the error is rethrown.
 * An identical file (same content hash) already loaded is skipped.
 */
export async function loadFile(
  connection: DuckDBConnection,
  filePath: string,
  options: LoadFileOptions,
): Promise<FileLoadResult> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  let mark = started;
  const lap = (stage: string) => {
    const now = Date.now();
    timings[stage] = (now - mark) / 1000;
    mark = now;
  };
  const fileName = path.basename(filePath);
  // The content hash (JS, streaming) runs while DuckDB stages the file: an identical file is found after staging
  // and its stage dropped, which costs a wasted read only in the rare skip case.
  options.onStage?.('hash', 0);
  let hashSeconds = 0;
  const hashing = fileContentHash(filePath).then((hash) => {
    hashSeconds = (Date.now() - started) / 1000;
    return hash;
  });
  hashing.catch(() => {});
  options.onStage?.('read', 0);
  let staged: StagedFile;
  try {
    staged = await stageFile(connection, filePath, {
      tableName: 'atlas_stage',
      tmpDir: options.tmpDir,
      onProgress: (rows) => options.onStage?.('read', rows),
    });
  } catch (error) {
    await hashing.catch(() => undefined);
    throw error;
  }
  const contentHash = await hashing;
  timings.hash = hashSeconds;
  lap('read');
  const identical = await findIdenticalLoad(connection, contentHash);
  if (identical) {
    await execute(connection, `DROP TABLE IF EXISTS ${quoteIdentifier(staged.table)}`);
    return recordSkipped(connection, filePath, contentHash, identical, started);
  }
  const bound = options.layout
    ? requireLayout(fileName, staged.columns, options.layout)
    : detectLayout(fileName, staged.columns, options.layouts);

  // The normalising SQL's TEMP tables, dropped after the file: an address lookup can hold a string per ticket.
  let scratch: string[] = [];
  await execute(connection, 'BEGIN TRANSACTION');
  try {
    const loadId = await nextLoadId(connection);
    await createCategoryLookup(connection, bound.layout);
    options.onStage?.('validate', staged.rowCount);
    const loadTime = await localNow(connection);
    const sql = normalisedSelect(bound, {
      stagedTable: staged.table,
      loadId,
      fileName,
      deploymentTimeZone: options.deploymentTimeZone,
      loadTime,
      secret: options.secret,
      hasBoundaries: options.hasBoundaries,
    });
    scratch = sql.tables;
    for (const statement of sql.statements) await execute(connection, statement);
    await execute(connection, `CREATE OR REPLACE TEMP TABLE verdict AS ${sql.verdict}`);
    lap('validate');
    options.onStage?.('reject', staged.rowCount);
    await execute(
      connection,
      `INSERT INTO rejected_rows
       SELECT ${loadId}, ${sqlString(fileName)}, v._row, v.reject_column, v.reject_reason, ${rawValuesSql(bound, staged, 's')}
       FROM verdict v JOIN ${quoteIdentifier(staged.table)} s ON s._row = v._row
       WHERE v.reject_reason IS NOT NULL`,
    );
    for (const r of staged.readerRejects) {
      await execute(connection, 'INSERT INTO rejected_rows VALUES ($1, $2, $3, $4, $5, $6)', [
        loadId,
        fileName,
        r.row,
        r.column ?? null,
        r.reason,
        JSON.stringify({ line: r.raw.slice(0, 2000) }),
      ]);
    }
    lap('reject');
    options.onStage?.('normalise', staged.rowCount);
    const columns = await ticketColumns(connection);
    const counts = await withUdfThreads(connection, () => writeTickets(connection, sql, columns));
    lap('normalise');
    const result = await recordLoad(connection, {
      loadId,
      filePath,
      contentHash,
      layout: bound.layout.id,
      started,
      staged,
      counts,
      timings,
    });
    await execute(connection, 'COMMIT');
    return result;
  } catch (error) {
    await execute(connection, 'ROLLBACK');
    throw error;
  } finally {
    await execute(connection, `DROP TABLE IF EXISTS ${quoteIdentifier(staged.table)}`);
    for (const table of [
      'verdict',
      'atlas_rows_existing',
      'atlas_rows_skipped',
      'atlas_updates',
      ...scratch,
    ]) {
      await execute(connection, `DROP TABLE IF EXISTS ${table}`);
    }
  }
}

async function localNow(connection: DuckDBConnection): Promise<string> {
  const [row] = await queryRows<{ now: string }>(
    connection,
    "SELECT strftime(now()::TIMESTAMP, '%Y-%m-%d %H:%M:%S') AS now",
  );
  return row?.now ?? new Date().toISOString().slice(0, 19).replace('T', ' ');
}
