import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueFromDaysSql, handlingHoursSql, overdueSql } from './durations';
import { openTestDuckDB, type TestDuckDB } from './test-duckdb';

let db: TestDuckDB;
beforeAll(async () => {
  db = await openTestDuckDB();
});
afterAll(() => db.close());

const ts = (column: string) => `CAST(${column} AS TIMESTAMP)`;

describe('duration builders', () => {
  it('handlingHoursSql gives fractional hours and NULL for a close before the receipt', async () => {
    const rows = [
      ['2024-03-05 08:00:00', '2024-03-05 09:30:00'],
      ['2024-03-05 08:00:00', '2024-03-07 08:00:00'],
      ['2024-03-05 08:00:00', '2024-03-05 08:00:00'],
      ['2024-03-05 08:00:00', '2024-03-05 07:59:59'],
      ['2024-03-05 08:00:00', null],
      [null, '2024-03-05 08:00:00'],
    ];
    expect(await db.evaluateRows((r, c) => handlingHoursSql(ts(r), ts(c)), rows)).toEqual([
      1.5,
      48,
      0,
      null,
      null,
      null,
    ]);
  });

  it('overdueSql compares with the close, or with the load time while still open', async () => {
    const load = "TIMESTAMP '2024-03-10 00:00:00'";
    const rows = [
      ['2024-03-06 00:00:00', '2024-03-05 00:00:00'],
      ['2024-03-04 00:00:00', '2024-03-05 00:00:00'],
      ['2024-03-05 00:00:00', '2024-03-05 00:00:00'],
      [null, '2024-03-09 00:00:00'],
      [null, '2024-03-11 00:00:00'],
      ['2024-03-06 00:00:00', null],
      [null, null],
    ];
    expect(await db.evaluateRows((c, d) => overdueSql(ts(c), ts(d), load), rows)).toEqual([
      true,
      false,
      false,
      true,
      false,
      null,
      null,
    ]);
  });

  it('dueFromDaysSql adds calendar days, fractions included, to the receipt', async () => {
    const rows = [
      ['2024-03-05 08:00:00', '3'],
      ['2024-03-05 08:00:00', '0.5'],
      ['2024-02-28 08:00:00', '2'],
      ['2024-03-05 08:00:00', '-1'],
      ['2024-03-05 08:00:00', 'abc'],
      ['2024-03-05 08:00:00', null],
      [null, '3'],
    ];
    expect(await db.evaluateRows((r, d) => `CAST(${dueFromDaysSql(ts(r), d)} AS VARCHAR)`, rows)).toEqual([
      '2024-03-08 08:00:00',
      '2024-03-05 20:00:00',
      '2024-03-01 08:00:00',
      null,
      null,
      null,
      null,
    ]);
    expect(
      await db.evaluateRows((r) => `CAST(${dueFromDaysSql(ts(r), '15')} AS VARCHAR)`, [['2024-03-05']]),
    ).toEqual(['2024-03-20 00:00:00']);
  });

  it('binds as prepared statements', async () => {
    await db.prepare((r, c) => handlingHoursSql(ts(r), ts(c)), 2);
    await db.prepare((c, d) => overdueSql(ts(c), ts(d), 'current_localtimestamp()'), 2);
    await db.prepare((r, d) => dueFromDaysSql(ts(r), d), 2);
  });
});
