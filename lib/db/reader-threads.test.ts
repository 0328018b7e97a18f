import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir';
import { servedWarehouse } from '../../tests/support/warehouse';
import { readerThreads, readRows } from './read-only-warehouse';

/** The dashboard's DuckDB instance runs with the threads HOTLINE_DB_THREADS asks for, else with the default. */
const tmp = makeTempDir('reader-threads');

beforeAll(() => servedWarehouse(tmp.dir, 'CREATE TABLE t AS SELECT 1 AS x'));
afterAll(() => {
  delete process.env.HOTLINE_DB_THREADS;
  delete process.env.UV_THREADPOOL_SIZE;
  tmp.cleanup();
});

describe('reader threads', () => {
  it('by default adds DuckDB workers only for the cores Node’s pool threads leave idle', () => {
    delete process.env.HOTLINE_DB_THREADS;
    process.env.UV_THREADPOOL_SIZE = '4';
    expect(readerThreads()).toBe(Math.max(1, availableParallelism() - 3));
    process.env.UV_THREADPOOL_SIZE = '1';
    expect(readerThreads()).toBe(availableParallelism());
  });

  it('ignores a setting that is not a positive whole number', () => {
    delete process.env.UV_THREADPOOL_SIZE;
    for (const bad of ['0', '-2', 'many', '1.5']) {
      process.env.HOTLINE_DB_THREADS = bad;
      expect(readerThreads()).toBe(Math.max(1, availableParallelism() - 3));
    }
  });

  it('opens the warehouse with HOTLINE_DB_THREADS threads', async () => {
    process.env.HOTLINE_DB_THREADS = '3';
    const [row] = await readRows<{ threads: number }>(
      "SELECT current_setting('threads')::INTEGER AS threads",
    );
    expect(row?.threads).toBe(3);
  });
});
