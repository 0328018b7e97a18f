import path from 'node:path';
import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundaryFileFor } from '../../etl/load/writer';
import { randomPointIn, readBoundaryCollection } from '../../lib/geo/boundaries';
import { haversineMeters } from '../../lib/geo/distance';
import { maskAddress, placeKey } from '../../lib/privacy/mask';
import { WORKORDER_HEADERS, workorder, writeCsv } from '../support/fixtures';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

const tmp = makeTempDir('workorders');
const config = testConfig(tmp.dir);
const file = path.join(tmp.dir, '12345工单.csv');

function pointIn(adcode: string): [number, number] {
  const collection = readBoundaryCollection(boundaryFileFor('511500') as string);
  const feature = collection.features.find((f) => String(f.properties.adcode) === adcode);
  if (!feature) throw new Error(`no boundary for ${adcode}`);
  let seed = 7;
  return randomPointIn(feature, () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  });
}

const ADDRESS = workorder('X')[WORKORDER_HEADERS.indexOf('详细地址')] as string;
const FULL_WIDTH_ADDRESS = '翠屏区西郊街道人民路１８号锦绣花园３栋２单元５０１室';
const OTHER_ADDRESS = '叙州区柏溪街道金沙江大道9号';
const gongxian = pointIn('511526');
const gongxianGcj = gcoord.transform(gongxian, gcoord.WGS84, gcoord.GCJ02) as [number, number];

beforeAll(async () => {
  writeCsv(file, WORKORDER_HEADERS, [
    workorder('A1', { 诉求内容: '我是张三，电话13812345678，身份证510102199001011234，门口积水。' }),
    workorder('A2', {
      所属区县: '宜宾县',
      所属街道: '柏溪街道',
      受理时间: '2024-03-06T09:30:00+08:00',
      详细地址: FULL_WIDTH_ADDRESS,
    }),
    workorder('A3', {
      所属区县: null,
      所属街道: null,
      经度: gongxianGcj[0],
      纬度: gongxianGcj[1],
      坐标系: 'GCJ02',
    }),
    workorder('A4', { 所属区县: null, 所属街道: null, 区划代码: '511502007000', 受理时间: 45356.5 }),
    workorder('A5', { 受理时间: '2024-13-45 25:00' }),
    workorder('A1', { 诉求内容: '我是张三，电话13812345678，身份证510102199001011234，门口积水。' }),
    workorder('A6', {
      所属区县: null,
      所属街道: null,
      经度: 104.06,
      纬度: 30.67,
      坐标系: 'WGS84',
      详细地址: null,
    }),
    workorder('A7', { 所属区县: '不存在区', 所属街道: null, 详细地址: OTHER_ADDRESS }),
  ]);
  await load([file], config);
});

afterAll(() => tmp.cleanup());

describe('loading a 12345 work-order export', () => {
  it('balances: read = loaded + rejected, and logs the file', async () => {
    const [log] = await query<Record<string, number | string>>(
      config,
      'SELECT layout, status, rows_read, rows_loaded, rows_updated, rows_unchanged, rows_rejected, coords_out_of_area FROM load_log',
    );
    expect(log).toMatchObject({
      layout: 'cn-12345-workorder',
      status: 'loaded',
      rows_read: 8,
      rows_loaded: 6,
      rows_updated: 0,
      rows_unchanged: 0,
      rows_rejected: 2,
      coords_out_of_area: 1,
    });
  });

  it('rejects the unreadable date and the exact duplicate, naming row, column and reason', async () => {
    const rejected = await query<{ row_number: number; column_name: string; reason: string }>(
      config,
      'SELECT row_number, column_name, reason FROM rejected_rows ORDER BY row_number',
    );
    expect(rejected).toEqual([
      { row_number: 6, column_name: '受理时间', reason: 'unreadable date: 2024-13-45 25:00' },
      { row_number: 7, column_name: null, reason: 'duplicate of row 2' },
    ]);
  });

  it('resolves regions by name, former name, code and coordinates', async () => {
    const rows = await query<{
      source_id: string;
      county_code: string | null;
      town_code: string | null;
      region_method: string | null;
    }>(config, 'SELECT source_id, county_code, town_code, region_method FROM tickets ORDER BY source_id');
    const byId = Object.fromEntries(rows.map((r) => [r.source_id, r]));
    expect(byId.A1).toMatchObject({ county_code: '511502', town_code: '511502006', region_method: 'name' });
    expect(byId.A2).toMatchObject({ county_code: '511504', town_code: '511504001', region_method: 'name' });
    expect(byId.A3).toMatchObject({ county_code: '511526', region_method: 'point' });
    expect(byId.A4).toMatchObject({ county_code: '511502', town_code: '511502007', region_method: 'code' });
    expect(byId.A6).toMatchObject({ county_code: null, region_method: null });
    expect(byId.A7).toMatchObject({ county_code: null, region_method: null });
  });

  it('converts GCJ-02 to WGS-84 within 5 m and nulls coordinates outside the deployment', async () => {
    const [a3] = await query<{ lon: number; lat: number }>(
      config,
      "SELECT lon, lat FROM tickets WHERE source_id = 'A3'",
    );
    expect(haversineMeters(a3!.lon, a3!.lat, gongxian[0], gongxian[1])).toBeLessThan(5);
    const [a6] = await query<{ lon: number | null }>(
      config,
      "SELECT lon FROM tickets WHERE source_id = 'A6'",
    );
    expect(a6!.lon).toBeNull();
  });

  it('reads ISO offsets and Excel serial numbers into Asia/Shanghai wall-clock time', async () => {
    const rows = await query<{ source_id: string; t: string }>(
      config,
      "SELECT source_id, strftime(received_at, '%Y-%m-%d %H:%M') AS t FROM tickets WHERE source_id IN ('A2', 'A4') ORDER BY 1",
    );
    expect(rows).toEqual([
      { source_id: 'A2', t: '2024-03-06 09:30' },
      { source_id: 'A4', t: '2024-03-05 12:00' },
    ]);
  });

  it('maps categories onto the taxonomy and computes handling figures', async () => {
    const [a1] = await query<Record<string, unknown>>(
      config,
      "SELECT category_l1, category_l2, category_origin, status, resolved, satisfaction, overdue, round(handling_hours, 2) AS h, appeal_type, h3_r10 IS NOT NULL AS has_h3 FROM tickets WHERE source_id = 'A1'",
    );
    expect(a1).toMatchObject({
      category_l1: '01',
      category_l2: '0104',
      category_origin: 'source',
      status: 'closed',
      resolved: true,
      satisfaction: 'satisfied',
      overdue: false,
      h: 57.48,
      appeal_type: 'complaint',
      has_h3: false,
    });
  });

  it('never stores phone numbers, ID numbers or caller names', async () => {
    const columns = await query<{ table_name: string; column_name: string }>(
      config,
      "SELECT table_name, column_name FROM duckdb_columns() WHERE data_type = 'VARCHAR' AND schema_name = 'main'",
    );
    expect(columns.length).toBeGreaterThan(30);
    const scan = columns
      .map(
        ({ table_name, column_name }) =>
          `SELECT '${table_name}.${column_name}' AS at FROM "${table_name}" WHERE regexp_matches("${column_name}", '1[3-9]\\d{9}|\\d{17}[\\dXx]|张三')`,
      )
      .join(' UNION ALL ');
    expect(await query<{ at: string }>(config, scan)).toEqual([]);
    const [a1] = await query<{ content: string; caller_key: string; address: string }>(
      config,
      "SELECT content, caller_key, address FROM tickets WHERE source_id = 'A1'",
    );
    expect(a1?.content).toContain('138****5678');
    expect(a1?.caller_key).toMatch(/^[0-9a-f]{32}$/);
    expect(a1?.address).not.toContain('501');
  });

  it('stores every address masked, under the place key its written form gives', async () => {
    const rows = await query<{ source_id: string; address: string | null; place_key: string | null }>(
      config,
      'SELECT source_id, address, place_key FROM tickets ORDER BY source_id',
    );
    const written: Record<string, string | null> = { A2: FULL_WIDTH_ADDRESS, A6: null, A7: OTHER_ADDRESS };
    expect(rows.map((r) => r.source_id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A6', 'A7']);
    for (const row of rows) {
      const raw = row.source_id in written ? written[row.source_id]! : ADDRESS;
      expect(row).toEqual({
        source_id: row.source_id,
        address: raw === null ? null : maskAddress(raw),
        place_key: raw === null ? null : placeKey(raw),
      });
    }
    // The same building written in full-width digits is the same place.
    const keyOf = (id: string) => rows.find((r) => r.source_id === id)?.place_key;
    expect(keyOf('A2')).toBe(keyOf('A1'));
    expect(keyOf('A7')).not.toBe(keyOf('A1'));
  });

  it('refreshes the daily rollup to the same totals as the tickets table', async () => {
    const [totals] = await query<{ rollup: number; tickets: number }>(
      config,
      'SELECT (SELECT sum(tickets)::INTEGER FROM daily_counts) AS rollup, (SELECT count(*)::INTEGER FROM tickets) AS tickets',
    );
    expect(totals).toEqual({ rollup: 6, tickets: 6 });
  });
});
