import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { monthlyOf } from '../../etl/load/rollup-plan';
import { monthlyRollupSelect, rollupSelect } from '../../etl/load/rollup-sql';
import { refreshRollups } from '../../etl/load/rollups';
import { PATCHED_TABLES } from '../../etl/load/rollups-changed';
import { openWarehouse, queryRows, type Warehouse } from '../../lib/db/connection';
import type { Filters } from '../../lib/filters/filters';
import { filtersWhere } from '../../lib/sql/filters-where';
import {
  noteMissingRollups,
  ROLLUPS,
  ROLLUPS_LEFT_OUT,
  type Rollup,
  type RollupSource,
  rollupFor,
} from '../../lib/sql/rollup-choice';
import { ROLLUP_MEASURES } from '../../lib/sql/rollup-measures';
import { WORKORDER_HEADERS, workorder, writeCsv } from '../support/fixtures';
import { makeTempDir } from '../support/temp-dir';
import { load, testConfig } from '../support/warehouse';

/**
 * The sample city has a few dozen tickets a day, so most daily rollups have nearly a row per ticket: rebuilt with no
 * minimum size, the plan (etl/load/rollup-plan.ts) leaves them out, and questions go to the tables that remain.
 */
const tmp = makeTempDir('rollups-left-out');
const config = testConfig(tmp.dir);
let warehouse: Warehouse;
let leftOut: Set<string>;

async function open(): Promise<DuckDBConnection> {
  warehouse = await openWarehouse(config.databasePath, { timeZone: config.timeZone });
  return warehouse.connection;
}

async function tablesPresent(c: DuckDBConnection): Promise<Set<string>> {
  const rows = await queryRows<{ name: string }>(c, 'SELECT table_name AS name FROM duckdb_tables()');
  return new Set(rows.map((r) => r.name));
}

async function notedLeftOut(c: DuckDBConnection): Promise<string[]> {
  const [row] = await queryRows<{ value: string }>(c, 'SELECT value FROM meta WHERE key = $1', [
    ROLLUPS_LEFT_OUT,
  ]);
  return (row?.value ?? '').split(',').filter(Boolean);
}

/** Rows of `table` that a fresh sum of daily_counts lacks, or the other way round (keys and counts, exactly). */
async function differencesFromDailyCounts(
  c: DuckDBConnection,
  rollup: Rollup,
  monthly: boolean,
): Promise<number> {
  const table = monthly ? monthlyOf(rollup) : rollup.table;
  const expected = monthly
    ? monthlyRollupSelect(rollup, 'daily_counts')
    : rollupSelect(rollup, 'daily_counts');
  const described = await queryRows<{ column_name: string; column_type: string }>(c, `DESCRIBE ${table}`);
  const exact = described.filter((d) => d.column_type !== 'DOUBLE').map((d) => d.column_name);
  const list = exact.join(', ');
  const [row] = await queryRows<{ n: number }>(
    c,
    `SELECT ((SELECT count(*) FROM (SELECT ${list} FROM ${table} EXCEPT ALL SELECT ${list} FROM (${expected})))
           + (SELECT count(*) FROM (SELECT ${list} FROM (${expected}) EXCEPT ALL SELECT ${list} FROM ${table})))::INTEGER AS n`,
  );
  return row?.n ?? -1;
}

async function expectKeptRollupsToMatchDailyCounts(c: DuckDBConnection): Promise<void> {
  const present = await tablesPresent(c);
  for (const rollup of ROLLUPS) {
    if (rollup.table === 'daily_counts') continue;
    for (const monthly of [false, true]) {
      const table = monthly ? monthlyOf(rollup) : rollup.table;
      if (!present.has(table)) continue;
      expect({ table, differences: await differencesFromDailyCounts(c, rollup, monthly) }).toEqual({
        table,
        differences: 0,
      });
    }
  }
}

beforeAll(async () => {
  const outcome = await load(sampleExports(), config);
  expect(outcome.results.every((r) => r.status === 'loaded')).toBe(true);
  const c = await open();
  await refreshRollups(c, undefined, { scope: 'all', minRowsToLeaveOut: 0 });
  leftOut = new Set(await notedLeftOut(c));
}, 180_000);
afterAll(() => {
  noteMissingRollups([]);
  warehouse?.close();
  tmp.cleanup();
});

describe('rollups left out by a rebuild', () => {
  it('are the tables missing, and noted; daily_counts and the map places always stay', async () => {
    const present = await tablesPresent(warehouse.connection);
    expect(leftOut.size).toBeGreaterThan(0);
    for (const table of PATCHED_TABLES)
      expect({ table, present: present.has(table) }).toEqual({ table, present: !leftOut.has(table) });
    for (const table of ['daily_counts', 'repeat_appeals', 'cell_places'])
      expect(leftOut.has(table)).toBe(false);
    // Some rollups remain only as their monthly twin, summed from daily_counts or a larger monthly twin.
    const monthlyOnly = ROLLUPS.filter(
      (r) => r.table !== 'daily_counts' && leftOut.has(r.table) && !leftOut.has(monthlyOf(r)),
    );
    expect(monthlyOnly.length).toBeGreaterThan(0);
  });

  it('leave the kept rollups summing exactly what daily_counts sums', async () => {
    await expectKeptRollupsToMatchDailyCounts(warehouse.connection);
  });

  it('send every question to a table that answers it as daily_counts does', async () => {
    noteMissingRollups(leftOut);
    const filters: Filters[] = [
      { from: '2025-01-01', to: '2025-12-31' },
      { from: '2025-07-01', to: '2025-07-31', region: '511502' },
      { from: '2025-07-03', to: '2025-08-20', category: '0104' },
      { from: '2025-01-01', to: '2025-06-30', type: 'complaint', region: '511504' },
      { from: '2025-02-01', to: '2025-11-30', dept: '市住房城乡建设局' },
      { from: '2025-03-01', to: '2025-03-31', channel: '网络问政', category: '01' },
    ];
    const sums = async (table: RollupSource, f: Filters, measures: readonly string[], closed: boolean) => {
      const where = filtersWhere(f, table);
      const [row] = await queryRows<Record<string, number>>(
        warehouse.connection,
        `SELECT ${measures.map((m) => `coalesce(sum(${m}), 0)::DOUBLE AS ${m}`).join(', ')}
         FROM ${table} ${where.sql} ${closed ? `${where.sql ? 'AND' : 'WHERE'} handling_bucket IS NOT NULL` : ''}`,
        where.params as never,
      );
      return row ?? {};
    };
    const chosen = new Set<string>();
    for (const f of filters) {
      for (const buckets of [false, true]) {
        const table = rollupFor(f, [], { buckets, ranges: [{ from: f.from, to: f.to }] });
        chosen.add(table);
        expect(leftOut.has(table)).toBe(false);
        const measures = buckets ? ['tickets'] : ROLLUP_MEASURES;
        const got = await sums(table, f, measures, buckets);
        const want = await sums('daily_counts', f, measures, buckets);
        for (const m of measures)
          expect({ table, f, m, v: got[m] }).toEqual({ table, f, m, v: expect.closeTo(want[m]!, 6) });
      }
    }
    // Not everything fell through to daily_counts.
    expect([...chosen].some((t) => t.startsWith('monthly_'))).toBe(true);
  });

  it('stay out when a later load recounts its days, and the rollups kept are patched', async () => {
    warehouse.close();
    const later = path.join(tmp.dir, 'later.csv');
    writeCsv(later, WORKORDER_HEADERS, [
      workorder('LATE-1', {
        受理时间: '2025/7/14 9:30',
        办理时限: '2025/7/20 9:30',
        办结时间: '2025/7/15 10:00',
      }),
      workorder('LATE-2', {
        受理时间: '2025/7/15 11:00',
        所属区县: '南溪区',
        所属街道: null,
        办结时间: null,
        办理状态: '办理中',
        是否解决: null,
        满意度: null,
      }),
    ]);
    const outcome = await load([later], config);
    expect(outcome.rollups?.scope).toBe('changed');
    const c = await open();
    expect(new Set(await notedLeftOut(c))).toEqual(leftOut);
    const present = await tablesPresent(c);
    for (const table of leftOut) expect(present.has(table)).toBe(false);
    const [july] = await queryRows<{ n: number }>(
      c,
      "SELECT sum(tickets)::INTEGER AS n FROM daily_counts WHERE day IN (DATE '2025-07-14', DATE '2025-07-15')",
    );
    const [tickets] = await queryRows<{ n: number }>(
      c,
      "SELECT count(*)::INTEGER AS n FROM tickets WHERE received_at::DATE IN (DATE '2025-07-14', DATE '2025-07-15')",
    );
    expect(july?.n).toBe(tickets?.n);
    await expectKeptRollupsToMatchDailyCounts(c);
  });
});
