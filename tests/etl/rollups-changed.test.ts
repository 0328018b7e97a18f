import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { refreshRollups } from '../../etl/load/rollups';
import { PATCHED_TABLES } from '../../etl/load/rollups-changed';
import { loadConfig } from '../../lib/config';
import { openWarehouse, queryRows } from '../../lib/db/connection';
import { WORKORDER_HEADERS, workorder, writeCsv } from '../support/fixtures';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

const tmp = makeTempDir('rollups-changed');
afterAll(() => tmp.cleanup());

/** `2024/m/d h:mm`, `offset` days after 1 January 2024. */
function at(offset: number, hour = 9): string {
  const d = new Date(Date.UTC(2024, 0, 1 + offset));
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${hour}:05`;
}

const PLACES = [
  { 所属区县: '翠屏区', 所属街道: '西郊街道', 经度: 104.612, 纬度: 28.771 },
  { 所属区县: '翠屏区', 所属街道: '柏溪街道', 经度: 104.603, 纬度: 28.785 },
  { 所属区县: '南溪区', 所属街道: null, 经度: 104.969, 纬度: 28.846 },
];
const CATEGORIES = [
  { 一级分类: '城乡建设', 二级分类: '道路积水内涝' },
  { 一级分类: '环境保护', 二级分类: '噪声污染' },
  { 一级分类: '交通运输', 二级分类: null },
];

/** A varied ticket: its place, category, channel, outcome and caller follow from `n`. */
function ticket(id: string, n: number, offset: number, fields: Record<string, string | number | null> = {}) {
  const closed = n % 4 !== 0;
  return workorder(id, {
    受理时间: at(offset, 8 + (n % 9)),
    诉求渠道: n % 3 === 0 ? '网络问政' : '12345热线',
    诉求类型: n % 5 === 0 ? '求助' : '投诉',
    ...CATEGORIES[n % CATEGORIES.length],
    ...PLACES[n % PLACES.length],
    办理时限: at(offset + 5),
    办结时间: closed ? at(offset + (n % 7), 17) : null,
    办理状态: closed ? '已办结' : '办理中',
    是否解决: closed ? (n % 6 === 0 ? '未解决' : '已解决') : null,
    满意度: closed ? (n % 8 === 1 ? '不满意' : '满意') : null,
    来电号码: `1381234${String(5000 + (n % 23)).padStart(4, '0')}`,
    ...fields,
  });
}

/**
 * Snapshots each rollup, rebuilds them all, and counts the rows that differ: a row on one side only, or a sum of
 * hours or weights more than a millionth apart (DuckDB adds doubles in no fixed order, so the last bits vary).
 */
async function differencesFromFullRebuild(databasePath: string): Promise<Record<string, number>> {
  const warehouse = await openWarehouse(databasePath, { timeZone: 'Asia/Shanghai' });
  try {
    const c = warehouse.connection;
    const described: Record<string, { column_name: string; column_type: string }[]> = {};
    for (const table of PATCHED_TABLES) {
      described[table] = await queryRows(c, `DESCRIBE ${table}`);
      await c.run(`CREATE TEMP TABLE patched_${table} AS SELECT * FROM ${table}`);
    }
    const refresh = await refreshRollups(c);
    expect(refresh.scope).toBe('all');
    // Rebuilt aside and swapped in: nothing of the rebuild is left beside the rollups.
    const [aside] = await queryRows<{ n: number }>(
      c,
      "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'atlas_next_%'",
    );
    expect(aside?.n).toBe(0);
    const differences: Record<string, number> = {};
    for (const table of PATCHED_TABLES) {
      const keys = described[table]!.filter((d) => d.column_type !== 'DOUBLE').map((d) => d.column_name);
      const sums = described[table]!.filter((d) => d.column_type === 'DOUBLE').map((d) => d.column_name);
      const [row] = await queryRows<{ n: number; rows: number }>(
        c,
        `SELECT count(*) FILTER (WHERE a._row IS NULL OR b._row IS NULL
                  ${sums.map((s) => `OR NOT (a.${s} IS NOT DISTINCT FROM b.${s} OR abs(a.${s} - b.${s}) <= 1e-6 * greatest(1, abs(a.${s})))`).join(' ')}
                )::INTEGER AS n,
                count(b._row)::INTEGER AS rows
         FROM (SELECT *, true AS _row FROM patched_${table}) a
         FULL JOIN (SELECT *, true AS _row FROM ${table}) b
           ON ${keys.map((k) => `a.${k} IS NOT DISTINCT FROM b.${k}`).join(' AND ')}`,
      );
      expect(row?.rows, `${table} is empty`).toBeGreaterThan(0);
      differences[table] = row?.n ?? -1;
    }
    return differences;
  } finally {
    warehouse.close();
  }
}

describe('refreshing only what a load changed', () => {
  // Share 1: the small fixture's changed days are always a large share, and this test is about the patching.
  const config = testConfig(tmp.dir, { rollupRebuildShare: 1 });
  const noDifferences = Object.fromEntries(PATCHED_TABLES.map((t) => [t, 0]));

  it('the first load builds every rollup', async () => {
    const first = path.join(tmp.dir, 'first.csv');
    const rows = Array.from({ length: 150 }, (_, n) => ticket(`R${n}`, n, n % 75));
    // A caller's two appeals on one problem 40 days apart: not a repeat (the window is shorter) until a third comes.
    rows.push(
      ticket('LATE-A', 1, 2, { 来电号码: '13900000001' }),
      ticket('LATE-B', 1, 42, { 来电号码: '13900000001' }),
    );
    writeCsv(first, WORKORDER_HEADERS, rows);
    const outcome = await load([first], config);
    expect(outcome.results[0]).toMatchObject({ status: 'loaded', loaded: 152, rejected: 0 });
    expect(outcome.rollups).toMatchObject({ scope: 'all', reason: 'the rollups had never been refreshed' });
  });

  it('a later load recounts only the days it touched, and the rollups match a full rebuild', async () => {
    const second = path.join(tmp.dir, 'second.csv');
    writeCsv(second, WORKORDER_HEADERS, [
      // New tickets on two old days and in a new month.
      ticket('N1', 3, 10),
      ticket('N2', 7, 10),
      ticket('N3', 11, 20),
      ticket('N4', 2, 100),
      // The caller's appeal between the two: LATE-B (day 42, not in this file) becomes a repeat.
      ticket('LATE-C', 1, 25, { 来电号码: '13900000001' }),
      // An update that moves a ticket to another day, place and outcome: its old day, cell and caller change too.
      ticket('R5', 6, 60, { 办理状态: '办理中', 办结时间: null, 是否解决: null, 满意度: null }),
    ]);
    const outcome = await load([second], config);
    expect(outcome.results[0]).toMatchObject({ status: 'loaded', loaded: 5, updated: 1 });
    // Days 10, 20, 100, 25, 60 (R5's new day), 5 (its old day), 42 (LATE-B becomes a repeat) and 69 (R144, whose
    // caller's appeal on the same problem R5 now is, nine days before it).
    expect(outcome.rollups).toMatchObject({ scope: 'changed', days: 8 });

    const [late] = await query<{ repeats: number }>(
      config,
      `SELECT sum(repeat_appeals)::INTEGER AS repeats FROM daily_counts WHERE day = DATE '2024-02-12'`,
    );
    expect(late?.repeats).toBeGreaterThanOrEqual(1);
    expect(await differencesFromFullRebuild(config.databasePath)).toEqual(noDifferences);
  });

  it('a load that touches most days rebuilds everything at the default share', async () => {
    const defaults = testConfig(tmp.dir);
    const third = path.join(tmp.dir, 'third.csv');
    writeCsv(
      third,
      WORKORDER_HEADERS,
      Array.from({ length: 60 }, (_, n) => ticket(`W${n}`, n, n)),
    );
    const outcome = await load([third], defaults);
    expect(outcome.rollups?.scope).toBe('all');
    expect(outcome.rollups).toMatchObject({
      reason: expect.stringMatching(/days to recount hold \d+ of 217 tickets/),
    });
  });

  it('rebuilds everything when a rollup lacks a column this version keeps (built by an earlier version)', async () => {
    const warehouse = await openWarehouse(config.databasePath, { timeZone: 'Asia/Shanghai' });
    try {
      // daily_categories as versions before the appeal type was kept in it built it.
      await warehouse.connection.run('ALTER TABLE daily_categories DROP COLUMN appeal_type');
    } finally {
      warehouse.close();
    }
    const fourth = path.join(tmp.dir, 'fourth.csv');
    writeCsv(fourth, WORKORDER_HEADERS, [ticket('N5', 4, 12)]);
    const outcome = await load([fourth], config);
    expect(outcome.rollups).toMatchObject({
      scope: 'all',
      reason: 'the warehouse had no up-to-date daily_categories',
    });
    const [types] = await query<{ n: number }>(
      config,
      'SELECT count(DISTINCT appeal_type)::INTEGER AS n FROM daily_categories',
    );
    expect(types?.n).toBe(2);
  });

  it('reads the rebuild share from HOTLINE_ROLLUP_REBUILD_SHARE and refuses one outside 0–1', () => {
    expect(loadConfig({}).rollupRebuildShare).toBe(0.25);
    expect(loadConfig({ HOTLINE_ROLLUP_REBUILD_SHARE: '0.5' }).rollupRebuildShare).toBe(0.5);
    expect(loadConfig({}).rollupKeepShare).toBe(0.5);
    expect(loadConfig({ HOTLINE_ROLLUP_KEEP_SHARE: '1' }).rollupKeepShare).toBe(1);
    expect(() => loadConfig({ HOTLINE_ROLLUP_REBUILD_SHARE: '25%' })).toThrow(
      'HOTLINE_ROLLUP_REBUILD_SHARE must be a number from 0 to 1 (a share), not "25%"',
    );
  });
});

describe('the sample city, loaded one channel at a time', () => {
  it('recounts the days of each later export, and the rollups match a full rebuild', async () => {
    const dir = path.join(tmp.dir, 'sample');
    const config = testConfig(dir, { rollupRebuildShare: 1 });
    const scopes: string[] = [];
    for (const file of sampleExports()) {
      const outcome = await load([file], config);
      expect(outcome.results[0]?.status).toBe('loaded');
      scopes.push(outcome.rollups?.scope ?? 'none');
    }
    expect(scopes).toEqual(['all', 'changed', 'changed']);
    expect(await differencesFromFullRebuild(config.databasePath)).toEqual(
      Object.fromEntries(PATCHED_TABLES.map((t) => [t, 0])),
    );
  }, 120_000);
});
