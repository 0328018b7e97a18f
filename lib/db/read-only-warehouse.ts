import { statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadConfig } from '../config';
import { noteMissingRollups, outdatedRollups } from '../sql/rollup-choice';
import { openWarehouse, queryRows, type SqlParams, type Warehouse } from './connection';
import { tableColumns } from './table-columns';

/**
 * The dashboard's read-only warehouse: one DuckDB instance with a small pool of connections, so concurrent requests
 * run side by side instead of queueing behind one connection. The ETL publishes a new file by renaming it over the
 * old one (etl/load/PUBLISHING.md), so before a query we compare the file's inode and mtime with the ones we opened
 * (at most once a second) and reopen when they changed; queries already running finish on the old snapshot.
 */
const POOL_SIZE = 4;

interface OpenState {
  warehouse: Warehouse;
  idle: DuckDBConnection[];
  waiting: ((connection: DuckDBConnection) => void)[];
  inode: number;
  mtimeMs: number;
  checkedAt: number;
  active: number;
  retired: boolean;
  /** Bumped on every reopen: caches keyed on it (the data span) go stale with the file. */
  generation: number;
}

let current: Promise<OpenState> | null = null;
let generation = 0;

async function open(): Promise<OpenState> {
  const config = loadConfig();
  const stat = statSync(config.databasePath, { throwIfNoEntry: false });
  if (!stat) throw new WarehouseMissingError(config.databasePath);
  const warehouse = await openWarehouse(config.databasePath, { readOnly: true, timeZone: config.timeZone });
  const idle = [warehouse.connection];
  for (let i = 1; i < POOL_SIZE; i++) {
    const connection = await warehouse.instance.connect();
    await connection.run(`SET TimeZone = '${config.timeZone.replace(/'/g, '')}'`);
    idle.push(connection);
  }
  await noteRollupsPresent(warehouse.connection, config.databasePath);
  return {
    warehouse,
    idle,
    waiting: [],
    inode: stat.ino,
    mtimeMs: stat.mtimeMs,
    checkedAt: Date.now(),
    active: 0,
    retired: false,
    generation: ++generation,
  };
}

/**
 * Tells the rollup choice which rollups this file lacks or has without this version's columns (built by an earlier
 * version), and says how to bring them up to date.
 */
async function noteRollupsPresent(connection: DuckDBConnection, databasePath: string): Promise<void> {
  const columns = await tableColumns(connection);
  const outdated = outdatedRollups(columns);
  noteMissingRollups(outdated);
  if (outdated.length > 0 && columns.has('daily_counts'))
    console.warn(
      `${databasePath} has no up-to-date ${outdated.join(', ')} (built by an earlier version): answering from ` +
        'larger rollups, which is slower; run "npm run etl -- analyse" to rebuild them',
    );
}

/** Thrown when no warehouse has been built yet; the UI says how to build one. */
export class WarehouseMissingError extends Error {
  constructor(readonly databasePath: string) {
    super(`no warehouse at ${databasePath}: run "npm run etl -- demo" or load your exports`);
  }
}

function closeIfDone(state: OpenState): void {
  if (state.retired && state.active === 0) {
    for (const connection of state.idle) connection.closeSync();
    state.warehouse.instance.closeSync();
  }
}

async function acquireState(): Promise<OpenState> {
  if (!current) {
    current = open().catch((error) => {
      current = null;
      throw error;
    });
  }
  const state = await current;
  if (Date.now() - state.checkedAt > 1000) {
    state.checkedAt = Date.now();
    const stat = statSync(loadConfig().databasePath, { throwIfNoEntry: false });
    if (stat && (stat.ino !== state.inode || stat.mtimeMs !== state.mtimeMs)) {
      current = null;
      state.retired = true;
      closeIfDone(state);
      return acquireState();
    }
  }
  return state;
}

/**
 * A query that holds its connection longer than this is interrupted, so one heavy request cannot block the readers
 * queued behind it (HOTLINE_QUERY_TIMEOUT_S, default 20 s).
 */
export function queryTimeoutSeconds(): number {
  return Number(process.env.HOTLINE_QUERY_TIMEOUT_S) || 20;
}

/** The query ran past the time limit and was cancelled; routes answer 503 with this message. */
export class QueryTimeoutError extends Error {
  constructor(seconds: number) {
    super(
      `the query ran longer than ${seconds} s and was cancelled; narrow the dates or filters (查询超时，请缩小范围)`,
    );
  }
}

/** DuckDB's error for an interrupted query, as thrown to whoever was running it. */
export function isInterrupted(error: unknown): boolean {
  return error instanceof Error && /INTERRUPT/i.test(error.message);
}

/** A pooled connection and its release; the generation says which published file it reads. */
export interface Lease {
  connection: DuckDBConnection;
  generation: number;
  /** After this long the lease's query is interrupted (isInterrupted tells the error apart). */
  timeoutSeconds: number;
  release: () => void;
}

/** Borrows a connection (waiting for one when all are busy); always release it. */
export async function borrowConnection(): Promise<Lease> {
  const state = await acquireState();
  state.active++;
  const connection =
    state.idle.pop() ?? (await new Promise<DuckDBConnection>((resolve) => state.waiting.push(resolve)));
  let released = false;
  const limit = queryTimeoutSeconds() * 1000;
  const timer = setTimeout(() => connection.interrupt(), limit);
  timer.unref();
  return {
    connection,
    generation: state.generation,
    timeoutSeconds: limit / 1000,
    release: () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      state.active--;
      const next = state.waiting.shift();
      if (next) next(connection);
      else state.idle.push(connection);
      closeIfDone(state);
    },
  };
}

/** Runs a read query against the published warehouse. */
export async function readRows<Row>(sql: string, params?: SqlParams): Promise<Row[]> {
  const lease = await borrowConnection();
  try {
    return await queryRows<Row>(lease.connection, sql, params);
  } catch (error) {
    throw isInterrupted(error) ? new QueryTimeoutError(lease.timeoutSeconds) : error;
  } finally {
    lease.release();
  }
}

/** The generation of the currently published file (for caches that must follow reloads). */
export async function warehouseGeneration(): Promise<number> {
  return (await acquireState()).generation;
}
