import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir';
import { servedWarehouse } from '../../tests/support/warehouse';
import { readerThreads, readRows, scanningThreads } from './read-only-warehouse';
import { ScanThreads } from './scan-threads';

/**
 * The dashboard's instance runs its small queries on readerThreads() and raises its threads to scanningThreads()
 * while a query reads the tickets table, lowering them after the last one.
 */
const tmp = makeTempDir('scan-threads');

beforeAll(async () => {
  await servedWarehouse(
    tmp.dir,
    'CREATE TABLE tickets AS SELECT range AS id FROM range(1000); CREATE TABLE daily_counts AS SELECT 1 AS tickets',
  );
  delete process.env.HOTLINE_DB_THREADS;
});
afterAll(() => tmp.cleanup());

const THREADS = "current_setting('threads')::INTEGER AS threads";

async function threadsOf(sql: string): Promise<number> {
  const [row] = await readRows<{ threads: number }>(sql);
  return row?.threads ?? Number.NaN;
}

describe('threads while the tickets are scanned', () => {
  it('tells a query that reads the tickets table from one that does not', () => {
    expect(ScanThreads.scansTickets('SELECT count(*) FROM tickets WHERE day > $from')).toBe(true);
    expect(ScanThreads.scansTickets('SELECT * FROM daily_cells c\n JOIN  tickets t USING (h3_r8)')).toBe(
      true,
    );
    expect(ScanThreads.scansTickets('SELECT * FROM tickets_by_day')).toBe(false);
    expect(ScanThreads.scansTickets('SELECT sum(tickets) AS tickets FROM daily_counts')).toBe(false);
  });

  it('raises the threads for a scan of the tickets and lowers them after it', async () => {
    // Every core while scanning; fewer otherwise on a machine with spare pool threads (one on 2 cores).
    expect(scanningThreads()).toBeGreaterThan(readerThreads());
    expect(await threadsOf(`SELECT ${THREADS} FROM daily_counts`)).toBe(readerThreads());
    expect(await threadsOf(`SELECT ${THREADS} FROM tickets LIMIT 1`)).toBe(scanningThreads());
    // Lowered once the scan is over (the setting is applied in the background).
    let after = scanningThreads();
    for (let i = 0; i < 50 && after !== readerThreads(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await threadsOf(`SELECT ${THREADS} FROM daily_counts`);
    }
    expect(after).toBe(readerThreads());
  });

  it('keeps them raised until the last of overlapping scans ends', async () => {
    // A scan that runs for a while (a few hundred million rows counted), and a short one that ends before it.
    const long = threadsOf(
      `SELECT ${THREADS}, (SELECT count(*) FROM range(400000000) r(i) WHERE i % 7 = 1) AS n FROM tickets LIMIT 1`,
    );
    // Started alone (cores idle), so it raised them; the short scan starts once it runs.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await threadsOf(`SELECT ${THREADS} FROM tickets LIMIT 1`)).toBe(scanningThreads());
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The short scan is over, the long one is not: a small query still sees the raised threads.
    expect(await threadsOf(`SELECT ${THREADS} FROM daily_counts`)).toBe(scanningThreads());
    expect(await long).toBe(scanningThreads());
  });

  it('leaves them as they are for a scan that starts while every core is busy', async () => {
    const busy = `SELECT ${THREADS}, (SELECT count(*) FROM range(400000000) r(i) WHERE i % 7 = 1) AS n FROM daily_counts`;
    const others = Array.from({ length: availableParallelism() }, () => threadsOf(busy));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await threadsOf(`SELECT ${THREADS} FROM tickets LIMIT 1`)).toBe(readerThreads());
    expect(await Promise.all(others)).toEqual(others.map(() => readerThreads()));
  });
});
