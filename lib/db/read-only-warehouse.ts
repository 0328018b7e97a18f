import { statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadConfig } from '../config';
import { openWarehouse, queryRows, type SqlParams, type Warehouse } from './connection';

/**
 * The dashboard's one read-only warehouse. The ETL publishes a new file by renaming it over the old one
 * (etl/load/publish.ts), so before each query we compare the file's inode with the one we opened (at most once a
 * second) and reopen when it changed; queries already running finish on the old snapshot.
 */
interface OpenState {
  warehouse: Warehouse;
  inode: number;
  mtimeMs: number;
  checkedAt: number;
  active: number;
  retired: boolean;
}

let current: Promise<OpenState> | null = null;

async function open(): Promise<OpenState> {
  const config = loadConfig();
  const stat = statSync(config.databasePath, { throwIfNoEntry: false });
  if (!stat) throw new WarehouseMissingError(config.databasePath);
  const warehouse = await openWarehouse(config.databasePath, { readOnly: true, timeZone: config.timeZone });
  return {
    warehouse,
    inode: stat.ino,
    mtimeMs: stat.mtimeMs,
    checkedAt: Date.now(),
    active: 0,
    retired: false,
  };
}

/** Thrown when no warehouse has been built yet; the UI says how to build one. */
export class WarehouseMissingError extends Error {
  constructor(readonly databasePath: string) {
    super(`no warehouse at ${databasePath}: run "npm run etl -- demo" or load your exports`);
  }
}

function retire(state: OpenState): void {
  state.retired = true;
  if (state.active === 0) state.warehouse.close();
}

async function acquire(): Promise<OpenState> {
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
      current = open();
      retire(state);
      return acquire();
    }
  }
  return state;
}

/** Runs a read query against the published warehouse. */
export async function readRows<Row>(sql: string, params?: SqlParams): Promise<Row[]> {
  const state = await acquire();
  state.active++;
  try {
    return await queryRows<Row>(state.warehouse.connection, sql, params);
  } finally {
    state.active--;
    if (state.retired && state.active === 0) state.warehouse.close();
  }
}

/** For callers that need the connection itself (Arrow conversion); release with the returned function. */
export async function borrowConnection(): Promise<{ connection: DuckDBConnection; release: () => void }> {
  const state = await acquire();
  state.active++;
  return {
    connection: state.warehouse.connection,
    release: () => {
      state.active--;
      if (state.retired && state.active === 0) state.warehouse.close();
    },
  };
}
