import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from './connection';
import { runKept } from './prepared-statements';

/** Kept statements answer exactly as a fresh run would, whatever the parameters and however they are used. */
let instance: DuckDBInstance;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('CREATE TABLE t AS SELECT i AS x, i % 3 AS g FROM range(10) r(i)');
});
afterAll(() => instance.closeSync());

const SQL = 'SELECT count(*)::INTEGER AS n FROM t WHERE x >= $from AND g = $g';

describe('kept prepared statements', () => {
  it('bind each run its own values', async () => {
    const connection = await instance.connect();
    const counts = [];
    const asked: [number, number][] = [
      [0, 0],
      [5, 0],
      [0, 1],
      [9, 2],
    ];
    for (const [from, g] of asked)
      counts.push(rowsOf<{ n: number }>(await runKept(connection, SQL, { from, g }))[0]?.n);
    expect(counts).toEqual([4, 2, 3, 0]);
  });

  it('answer the same text asked twice at once on one connection correctly', async () => {
    const connection = await instance.connect();
    const [a, b] = await Promise.all([
      runKept(connection, SQL, { from: 0, g: 0 }),
      runKept(connection, SQL, { from: 0, g: 2 }),
    ]);
    expect([rowsOf<{ n: number }>(a)[0]?.n, rowsOf<{ n: number }>(b)[0]?.n]).toEqual([4, 3]);
  });

  it('run a text of several statements as a plain run would, and report a bad one', async () => {
    const connection = await instance.connect();
    const reader = await runKept(connection, 'SELECT 1; SELECT $v::INTEGER AS v', { v: 7 });
    expect(rowsOf(reader)).toEqual([{ v: 7 }]);
    await expect(runKept(connection, 'SELECT nope FROM t WHERE x = $v', { v: 1 })).rejects.toThrow(/nope/);
  });

  it('stay correct past the number kept per connection', async () => {
    const connection = await instance.connect();
    const answers = [];
    for (let i = 0; i < 230; i++) {
      const reader = await runKept(connection, `SELECT $v::INTEGER + ${i} AS v`, { v: i });
      answers.push(rowsOf<{ v: number }>(reader)[0]?.v);
    }
    const again = rowsOf<{ v: number }>(await runKept(connection, 'SELECT $v::INTEGER + 0 AS v', { v: 5 }));
    expect(answers).toEqual(Array.from({ length: 230 }, (_, i) => 2 * i));
    expect(again).toEqual([{ v: 5 }]);
  });
});
