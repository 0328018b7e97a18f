import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '../../app/api/_lib/route';
import { makeTempDir } from '../../tests/support/temp-dir';
import { servedWarehouse } from '../../tests/support/warehouse';
import { QueryTimeoutError, readRows } from './read-only-warehouse';

/**
 * A query past HOTLINE_QUERY_TIMEOUT_S is interrupted and reported as a timeout (503 with a message), and the
 * connection it held serves the next reader at once.
 */
const tmp = makeTempDir('query-timeout');

beforeAll(async () => {
  await servedWarehouse(tmp.dir, 'CREATE TABLE t AS SELECT 1 AS x');
  process.env.HOTLINE_QUERY_TIMEOUT_S = '0.3';
});
afterAll(() => {
  delete process.env.HOTLINE_QUERY_TIMEOUT_S;
  tmp.cleanup();
});

describe('query time limit', () => {
  it('cancels a query that runs too long, answers 503 with a message, and keeps serving others', async () => {
    // Ten billion rows: minutes of work, so only the time limit can end it.
    const error = await readRows('SELECT count(*) AS n FROM range(10000000000) r(i) WHERE i % 7 = 3').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueryTimeoutError);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toContain('narrow the dates or filters');
    // Every pooled connection is usable afterwards (four at once: the pool's size).
    const rows = await Promise.all(
      Array.from({ length: 4 }, () => readRows<{ x: number }>('SELECT x FROM t')),
    );
    expect(rows.map((r) => r[0]?.x)).toEqual([1, 1, 1, 1]);
  });
});
