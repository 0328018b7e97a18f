import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { execute, queryRows } from '../../lib/db/connection';
import type { StagedFile } from '../readers';
import type { MergeCounts } from './merge';

/** What loading one file did; read = loaded + updated + unchanged + rejected always holds. */
export interface FileLoadResult {
  loadId: number;
  file: string;
  layout: string | null;
  status: 'loaded' | 'skipped_identical' | 'failed';
  message: string | null;
  read: number;
  loaded: number;
  updated: number;
  unchanged: number;
  rejected: number;
  outOfArea: number;
  firstReceived: string | null;
  lastReceived: string | null;
  seconds: number;
  /** Seconds per stage (hash, read, validate, reject, normalise), to see the slow one. */
  timings: Record<string, number>;
}

export async function nextLoadId(connection: DuckDBConnection): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    connection,
    'SELECT coalesce(max(load_id), 0)::INTEGER + 1 AS id FROM load_log',
  );
  return row?.id ?? 1;
}

/** The earlier successful load of a file with the same bytes, if any. */
export async function findIdenticalLoad(
  connection: DuckDBConnection,
  contentHash: string,
): Promise<{ loadId: number; fileName: string } | null> {
  const [row] = await queryRows<{ loadId: number; fileName: string }>(
    connection,
    `SELECT load_id AS "loadId", file_name AS "fileName" FROM load_log
     WHERE content_hash = $1 AND status = 'loaded' ORDER BY load_id LIMIT 1`,
    [contentHash],
  );
  return row ?? null;
}

export async function recordSkipped(
  connection: DuckDBConnection,
  filePath: string,
  contentHash: string,
  earlier: { loadId: number; fileName: string },
  started: number,
): Promise<FileLoadResult> {
  const loadId = await nextLoadId(connection);
  const message = `identical to ${earlier.fileName} (load ${earlier.loadId}); nothing changed`;
  const [prior] = await queryRows<{ read: number }>(
    connection,
    'SELECT rows_read AS read FROM load_log WHERE load_id = $1',
    [earlier.loadId],
  );
  const read = prior?.read ?? 0;
  const seconds = (Date.now() - started) / 1000;
  await execute(
    connection,
    `INSERT INTO load_log (load_id, file_path, file_name, content_hash, started_at, finished_at, status, message,
       rows_read, rows_unchanged, seconds)
     VALUES ($1, $2, $3, $4, now()::TIMESTAMP, now()::TIMESTAMP, 'skipped_identical', $5, $6, $6, $7)`,
    [loadId, path.resolve(filePath), path.basename(filePath), contentHash, message, read, seconds],
  );
  return {
    loadId,
    file: path.basename(filePath),
    layout: null,
    status: 'skipped_identical',
    message,
    read,
    loaded: 0,
    updated: 0,
    unchanged: read,
    rejected: 0,
    outOfArea: 0,
    firstReceived: null,
    lastReceived: null,
    seconds,
    timings: {},
  };
}

/** Writes the load_log entry of a successful load (inside its transaction) and returns the summary. */
export async function recordLoad(
  connection: DuckDBConnection,
  load: {
    loadId: number;
    filePath: string;
    contentHash: string;
    layout: string;
    started: number;
    staged: StagedFile;
    counts: MergeCounts;
    timings: Record<string, number>;
  },
): Promise<FileLoadResult> {
  const [stats] = await queryRows<{
    rejected: number;
    outOfArea: number;
    firstReceived: string | null;
    lastReceived: string | null;
    channel: string | null;
  }>(
    connection,
    `SELECT (SELECT count(*) FROM verdict WHERE reject_reason IS NOT NULL)::INTEGER AS rejected,
            count(*) FILTER (WHERE coord_system_raw IS NOT NULL AND lon IS NULL)::INTEGER AS "outOfArea",
            strftime(min(received_at), '%Y-%m-%d %H:%M:%S') AS "firstReceived",
            strftime(max(received_at), '%Y-%m-%d %H:%M:%S') AS "lastReceived",
            string_agg(DISTINCT channel, ', ') AS channel
     FROM tickets WHERE ticket_id IN (SELECT ticket_id FROM verdict WHERE reject_reason IS NULL)`,
  );
  if (!stats) throw new Error('load log: no statistics');
  const rejected = stats.rejected + load.staged.readerRejects.length;
  const read = load.staged.rowCount + load.staged.readerRejects.length;
  const seconds = (Date.now() - load.started) / 1000;
  const { loaded, updated, unchanged } = load.counts;
  if (loaded + updated + unchanged + rejected !== read) {
    throw new Error(
      `${path.basename(load.filePath)}: counts do not balance (read ${read} ≠ loaded ${loaded} + updated ${updated} + unchanged ${unchanged} + rejected ${rejected})`,
    );
  }
  await execute(
    connection,
    `INSERT INTO load_log VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7)::TIMESTAMP, now()::TIMESTAMP, 'loaded', NULL,
       $8, $9, $10, $11, $12, $13, $14::TIMESTAMP, $15::TIMESTAMP, $16)`,
    [
      load.loadId,
      path.resolve(load.filePath),
      path.basename(load.filePath),
      load.contentHash,
      load.layout,
      stats.channel,
      load.started / 1000,
      read,
      loaded,
      updated,
      unchanged,
      rejected,
      stats.outOfArea,
      stats.firstReceived,
      stats.lastReceived,
      seconds,
    ],
  );
  return {
    loadId: load.loadId,
    file: path.basename(load.filePath),
    layout: load.layout,
    status: 'loaded',
    message: null,
    read,
    loaded,
    updated,
    unchanged,
    rejected,
    outOfArea: stats.outOfArea,
    firstReceived: stats.firstReceived,
    lastReceived: stats.lastReceived,
    seconds,
    timings: load.timings,
  };
}

/** Logs a file that could not be loaded (outside the rolled-back transaction). */
export async function recordFailure(
  connection: DuckDBConnection,
  filePath: string,
  contentHash: string,
  message: string,
): Promise<void> {
  const loadId = await nextLoadId(connection);
  await execute(
    connection,
    `INSERT INTO load_log (load_id, file_path, file_name, content_hash, started_at, finished_at, status, message)
     VALUES ($1, $2, $3, $4, now()::TIMESTAMP, now()::TIMESTAMP, 'failed', $5)`,
    [loadId, path.resolve(filePath), path.basename(filePath), contentHash, message],
  );
}
