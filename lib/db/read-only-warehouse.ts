import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { loadConfig } from '../config';
import { noteMissingRollups, outdatedRollups, parseLeftOut, ROLLUPS_LEFT_OUT } from '../sql/rollup-choice';
import { arrowOf } from './arrow';
import { openWarehouse, queryRows, rowsOf, type SqlParams, type Warehouse } from './connection';
import { runKept } from './prepared-statements';
import { ScanThreads } from './scan-threads';
import { tableColumns } from './table-columns';

/**
 * The dashboard's read-only warehouse: one DuckDB instance with a small pool of connections, so concurrent requests
 * run side by side instead of queueing behind one connection. The ETL publishes a new file by renaming it over the
 * old one (etl/load/PUBLISHING.md), so before a query we compare the file's inode and mtime with the ones we opened
 * (at most once a second) and reopen when they changed; queries already running finish on the old snapshot.
 */
// Pool size, measured with bench:load (50 readers on 2 cores, a load running): 4 connections gave 209–218 req/s at
// p95 623–693 ms, 8 gave 232–240 req/s at 551–581 ms, 12 gave 216 req/s at 614 ms.
const POOL_SIZE = 8;

interface OpenState {
  warehouse: Warehouse;
  idle: DuckDBConnection[];
  waiting: ((connection: DuckDBConnection) => void)[];
  inode: number;
  mtimeMs: number;
  checkedAt: number;
  active: number;
  /** Set once a retired instance has begun giving back its memory (closeRetired). */
  memoryReleased: Promise<void> | null;
  /** Set once a retired instance is being closed. */
  closing: boolean;
  /** Bumped on every reopen: caches keyed on it (the data span) go stale with the file. */
  generation: number;
  /** More threads while a query scans the tickets (lib/db/scan-threads.ts), set through a connection of its own. */
  scanThreads: ScanThreads;
  control: DuckDBConnection;
}

let current: Promise<OpenState> | null = null;
/** What `current` resolved to: whether readers are busy (closeRetired). */
let currentState: OpenState | null = null;
let generation = 0;

async function open(): Promise<OpenState> {
  const config = loadConfig();
  const stat = statSync(config.databasePath, { throwIfNoEntry: false });
  if (!stat) throw new WarehouseMissingError(config.databasePath);
  const warehouse = await openWarehouse(config.databasePath, {
    readOnly: true,
    timeZone: config.timeZone,
    threads: readerThreads(),
  });
  const idle = [warehouse.connection];
  for (let i = 1; i < POOL_SIZE; i++) {
    const connection = await warehouse.instance.connect();
    await connection.run(`SET TimeZone = '${config.timeZone.replace(/'/g, '')}'`);
    idle.push(connection);
  }
  await noteRollupsPresent(warehouse.connection, config.databasePath);
  const control = await warehouse.instance.connect();
  const state: OpenState = {
    warehouse,
    control,
    // Cores are idle while fewer queries run than there are cores (the scan asking is one of them).
    scanThreads: new ScanThreads(
      control,
      { usual: readerThreads(), scanning: scanningThreads() },
      () => state.active <= availableParallelism() - 1,
    ),
    idle,
    waiting: [],
    inode: stat.ino,
    mtimeMs: stat.mtimeMs,
    checkedAt: Date.now(),
    active: 0,
    memoryReleased: null,
    closing: false,
    generation: ++generation,
  };
  return state;
}

/**
 * Tells the rollup choice which rollups this file lacks or has without this version's columns (built by an earlier
 * version), and says how to bring them up to date.
 */
async function noteRollupsPresent(connection: DuckDBConnection, databasePath: string): Promise<void> {
  const columns = await tableColumns(connection);
  const leftOut = columns.has('meta')
    ? parseLeftOut(
        (
          await queryRows<{ value: string }>(connection, 'SELECT value FROM meta WHERE key = $1', [
            ROLLUPS_LEFT_OUT,
          ])
        )[0]?.value,
      )
    : new Set<string>();
  const outdated = outdatedRollups(columns, leftOut);
  noteMissingRollups([...outdated, ...leftOut]);
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

/** Instances of files the ETL has since replaced, open until closeRetired closes them. */
const retiredStates: OpenState[] = [];
/** More retired instances than this are closed even while readers wait (each holds a little memory). */
const MAX_RETIRED_OPEN = 2;

/**
 * Closes retired instances whose last query has finished, when the dashboard has nothing else to do. Closing a
 * DuckDB instance is synchronous: it runs on Node's only thread, and under load the close of a 10-million-ticket
 * warehouse took over half a second (bench/load), during which no reader was answered. So a retired instance first
 * gives back its cache (releaseMemory, on DuckDB's threads) and is closed once no query is running, or at once when
 * retired instances pile up under load that never pauses.
 */
function closeRetired(): void {
  const quiet = currentState === null || currentState.active === 0;
  for (const state of [...retiredStates]) {
    if (state.active > 0 || state.closing) continue;
    if (!state.memoryReleased) {
      state.memoryReleased = releaseMemory(state);
      void state.memoryReleased.then(closeRetired);
      continue;
    }
    if (!quiet && retiredStates.length <= MAX_RETIRED_OPEN) continue;
    state.closing = true;
    retiredStates.splice(retiredStates.indexOf(state), 1);
    void Promise.all([state.memoryReleased, state.scanThreads.idle()]).then(() => {
      for (const connection of state.idle) connection.closeSync();
      state.control.closeSync();
      state.warehouse.instance.closeSync();
    });
  }
}

/** How many instances of replaced files are still open (their last queries running, or waiting to close). */
export function retiredInstancesOpen(): number {
  return retiredStates.length;
}

/**
 * Lowers a retired instance's memory limit, which evicts its cache of the file's blocks on DuckDB's own threads
 * while Node goes on answering: the memory comes back now, though the instance closes later.
 */
async function releaseMemory(state: OpenState): Promise<void> {
  const connection = state.idle[0];
  if (!connection) return;
  try {
    await connection.run("SET memory_limit = '8MB'");
  } catch {
    // Whatever could not be evicted is freed by the close.
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
  currentState = state;
  if (Date.now() - state.checkedAt > 1000) {
    state.checkedAt = Date.now();
    const stat = statSync(loadConfig().databasePath, { throwIfNoEntry: false });
    if (stat && (stat.ino !== state.inode || stat.mtimeMs !== state.mtimeMs)) {
      current = null;
      currentState = null;
      retiredStates.push(state);
      closeRetired();
      return acquireState();
    }
  }
  return state;
}

/**
 * DuckDB's threads for the dashboard's reads (HOTLINE_DB_THREADS overrides). Each query already runs on a thread of
 * Node's pool (UV_THREADPOOL_SIZE, 4 by default), which DuckDB counts as one of its threads; its other threads are
 * shared workers. The dashboard's queries are many and small, and splitting a small one across threads costs more
 * than it saves: on 2 cores (bench:load, 50 readers, four runs each) 1 thread answered 336–375 requests/s at p95
 * 364–411 ms, DuckDB's default of one per core 301–325 at 408–451 ms, 3 and 4 threads less still. The price is paid
 * by a lone query that scans the tickets (a text search over three years: 2.9 s instead of 1.5), so while such a
 * query runs the instance has one thread per core (scanningThreads). By default the workers only make up for
 * cores the pool's threads leave idle.
 */
export function readerThreads(): number {
  const configured = configuredThreads();
  if (configured) return configured;
  const poolThreads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, availableParallelism() - poolThreads + 1);
}

/**
 * DuckDB's threads while a query scans the tickets (lib/db/scan-threads.ts): one per core, or HOTLINE_DB_THREADS
 * when it is set (then always that many).
 */
export function scanningThreads(): number {
  return configuredThreads() ?? Math.max(readerThreads(), availableParallelism());
}

/** HOTLINE_DB_THREADS when it is a positive whole number, else undefined (the defaults above apply). */
function configuredThreads(): number | undefined {
  const configured = Number(process.env.HOTLINE_DB_THREADS);
  return Number.isInteger(configured) && configured > 0 ? configured : undefined;
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
  /** Runs a query on the leased connection (through its kept statement when it has parameters). */
  rows<Row>(sql: string, params?: SqlParams): Promise<Row[]>;
  /** The same, as an Arrow table. */
  arrow(sql: string, params?: SqlParams): Promise<Table>;
  /** Runs `work`, which reads `sql` some other way (a stream), with the threads a scan of the tickets gets. */
  aroundScan<T>(sql: string, work: () => Promise<T>): Promise<T>;
  release: () => void;
}

/** A query's reader on `connection`: kept statements for parameterised ones (lib/db/prepared-statements.ts). */
function run(connection: DuckDBConnection, sql: string, params?: SqlParams): Promise<DuckDBResultReader> {
  return params ? runKept(connection, sql, params) : connection.runAndReadAll(sql);
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
    rows: async <Row>(sql: string, params?: SqlParams) =>
      rowsOf<Row>(await state.scanThreads.around(sql, () => run(connection, sql, params))),
    arrow: async (sql, params) =>
      arrowOf(await state.scanThreads.around(sql, () => run(connection, sql, params))),
    aroundScan: (sql, work) => state.scanThreads.around(sql, work),
    release: () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      state.active--;
      const next = state.waiting.shift();
      if (next) next(connection);
      else state.idle.push(connection);
      if (retiredStates.length > 0) closeRetired();
    },
  };
}

/** Runs a read query against the published warehouse. */
export async function readRows<Row>(sql: string, params?: SqlParams): Promise<Row[]> {
  const lease = await borrowConnection();
  try {
    return await lease.rows<Row>(sql, params);
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
