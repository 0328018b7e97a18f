import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKORDER_HEADERS, workorder, writeCsv } from '../../tests/support/fixtures';
import { makeTempDir } from '../../tests/support/temp-dir';
import { load, query, testConfig } from '../../tests/support/warehouse';
import type { Filters } from '../filters/filters';
import { type FilteredTable, filtersWhere } from './filters-where';

const tmp = makeTempDir('filters-where');
const config = testConfig(tmp.dir);

beforeAll(async () => {
  const file = path.join(tmp.dir, 'orders.csv');
  writeCsv(file, WORKORDER_HEADERS, [
    workorder('F1', { 受理时间: '2025/7/1 0:00', 所属区县: '翠屏区', 所属街道: '西郊街道' }),
    workorder('F2', {
      受理时间: '2025/7/31 23:59',
      所属区县: '叙州区',
      所属街道: '柏溪街道',
      诉求类型: '咨询',
    }),
    workorder('F3', { 受理时间: '2025/8/1 0:00', 所属区县: '翠屏区' }),
    workorder('F4', {
      受理时间: '2025/7/15 9:00',
      所属区县: '珙县',
      一级分类: '环境保护',
      二级分类: '建筑施工噪声',
    }),
    workorder('F5', { 受理时间: '2025/7/16 9:00', 诉求渠道: '网络问政', 承办单位: '市生态环境局' }),
  ]);
  await load([file], config);
});
afterAll(() => tmp.cleanup());

async function countWith(filters: Filters, table: FilteredTable): Promise<number> {
  const where = filtersWhere(filters, table);
  const measure = table === 'tickets' ? 'count(*)' : 'sum(tickets)';
  const [row] = await query<{ n: number | null }>(
    config,
    `SELECT coalesce(${measure}, 0)::INTEGER AS n FROM ${table} ${where.sql}`,
    where.params as never,
  );
  return row?.n ?? 0;
}

const july = { from: '2025-07-01', to: '2025-07-31' };

describe('filters as SQL', () => {
  it.each<[string, Filters, number]>([
    ['the whole month, both edges included', july, 4],
    ['a district', { ...july, region: '511502' }, 2],
    ['a street', { ...july, region: '511504001' }, 1],
    ['a street by its 12-digit code', { ...july, region: '511504001000' }, 1],
    ['the city', { ...july, region: '511500' }, 4],
    ['the province', { ...july, region: '510000' }, 4],
    ['a first-level category', { ...july, category: '02' }, 1],
    ['a second-level category', { ...july, category: '0104' }, 3],
    ['a channel', { ...july, channel: '网络问政' }, 1],
    ['an appeal type', { ...july, type: 'consult' }, 1],
    ['a department', { ...july, dept: '市生态环境局' }, 1],
    ['a code nobody has', { ...july, region: '990000' }, 0],
  ])('%s: tickets and the daily rollup agree with the hand count', async (_name, filters, expected) => {
    expect(await countWith(filters, 'tickets')).toBe(expected);
    expect(await countWith(filters, 'daily_counts')).toBe(expected);
  });

  it('binds every value: the SQL text holds placeholders only', () => {
    const where = filtersWhere({ ...july, channel: "x' OR '1'='1", dept: '市局' }, 'tickets');
    expect(where.sql).not.toContain("'1'='1");
    expect(where.sql).not.toContain('市局');
    expect(where.params.channel).toBe("x' OR '1'='1");
  });
});
