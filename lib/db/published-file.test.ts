import { renameSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir';
import { writeWarehouse } from '../../tests/support/warehouse';
import { borrowConnection, readRows, retiredInstancesOpen, warehouseGeneration } from './read-only-warehouse';

/**
 * The ETL publishes a new warehouse by renaming it over the old file (etl/load/PUBLISHING.md): the dashboard reads
 * the new file from then on, while a query already running on the old one finishes there.
 */
const tmp = makeTempDir('published-file');
const file = path.join(tmp.dir, 'warehouse.duckdb');

const tableOf = (value: number) => `CREATE TABLE t AS SELECT ${value} AS x FROM range(100000)`;

beforeAll(async () => {
  await writeWarehouse(file, tableOf(1));
  process.env.HOTLINE_DB = file;
});
afterAll(() => {
  vi.useRealTimers();
  tmp.cleanup();
});

describe('a newly published warehouse file', () => {
  it('is read from the next check on, while a query holding the old file finishes there', async () => {
    expect(await readRows('SELECT max(x) AS x FROM t')).toEqual([{ x: 1 }]);
    const before = await warehouseGeneration();
    const held = await borrowConnection();

    const next = path.join(tmp.dir, 'next.duckdb');
    await writeWarehouse(next, tableOf(2));
    renameSync(next, file);
    // The file is checked at most once a second.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 1500);

    expect(await readRows('SELECT max(x) AS x FROM t')).toEqual([{ x: 2 }]);
    expect(await warehouseGeneration()).toBe(before + 1);
    // The lease taken before the swap still reads the old file, then lets it close.
    const old = await held.connection.runAndReadAll('SELECT max(x)::INTEGER AS x FROM t');
    expect(old.getRowObjectsJson()).toEqual([{ x: 1 }]);
    expect(retiredInstancesOpen()).toBe(1);
    held.release();
    // Nothing else is running: the old instance closes, and later reads are unaffected.
    await vi.waitFor(() => expect(retiredInstancesOpen()).toBe(0));
    const rows = await Promise.all(Array.from({ length: 6 }, () => readRows('SELECT max(x) AS x FROM t')));
    expect(rows).toEqual(Array.from({ length: 6 }, () => [{ x: 2 }]));
  });
});
