import { DuckDBInstance } from '@duckdb/node-api';
import { buildRegionHierarchy } from '../../lib/geo/regions';
import { sqlString } from '../../lib/sql/quote';
import { categories } from '../../lib/taxonomy';

/**
 * Writes N 12345 work orders in the generic Chinese layout as one UTF-8 CSV, generated inside DuckDB so that a
 * 10-million-row file takes seconds, not the sample generator's minutes. Values are deterministic functions of the
 * row number; about 30% of coordinates are GCJ-02, a few rows are deliberately unreadable or duplicated. Tickets
 * are received over `span` (by default three years from 2023, a whole history; a month is a routine export).
 */
export async function writeBenchWorkorders(
  filePath: string,
  rows: number,
  span: { from: string; days: number } = { from: '2023-01-01', days: 3 * 365 },
): Promise<void> {
  const l2 = categories.filter((c) => c.level === 2);
  const l1 = new Map(categories.filter((c) => c.level === 1).map((c) => [c.code, c.zh]));
  const cats = l2.map(
    (c) =>
      `(${sqlString(l1.get(c.parentCode ?? '') ?? '')}, ${sqlString(c.zh)}, ${sqlString(c.departments[0] ?? '')})`,
  );
  const towns = buildRegionHierarchy('511500')
    .regions.filter((r) => r.level === 4)
    .map((t) => t);
  const counties = new Map(
    buildRegionHierarchy('511500')
      .regions.filter((r) => r.level === 3)
      .map((r) => [r.code, r.name]),
  );
  const places = towns.map(
    (t) => `(${sqlString(counties.get(t.parent_code ?? '') ?? '')}, ${sqlString(t.name)})`,
  );
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const r = (salt: number) => `((hash(i * 7919 + ${salt}) % 1000003) / 1000003.0)`;
  await connection.run(`
    CREATE TEMP TABLE cats AS SELECT row_number() OVER () - 1 AS k, * FROM (VALUES ${cats.join(', ')}) v(l1, l2, dept);
    CREATE TEMP TABLE places AS SELECT row_number() OVER () - 1 AS k, * FROM (VALUES ${places.join(', ')}) v(county, town);
    COPY (
      WITH base AS (
        SELECT i,
          TIMESTAMP '${span.from}' + to_seconds((${r(1)} * ${span.days} * 86400)::BIGINT) AS received,
          (hash(i * 31 + 5) % ${l2.length})::INTEGER AS ck,
          (hash(i * 17 + 3) % ${towns.length})::INTEGER AS pk,
          ${r(2)} AS u1, ${r(3)} AS u2, ${r(4)} AS u3, ${r(5)} AS u4
        FROM range(${rows}) t(i)
      )
      SELECT
        'GD' || lpad(i::VARCHAR, 10, '0') AS "工单编号",
        CASE WHEN i % 100000 = 99 THEN '2024-13-45' ELSE strftime(received, '%Y/%-m/%-d %-H:%M:%S') END AS "受理时间",
        '12345热线' AS "诉求渠道",
        ['咨询', '求助', '投诉', '举报', '建议', '表扬'][1 + (hash(i) % 6)::INTEGER] AS "诉求类型",
        c.l1 AS "一级分类", c.l2 AS "二级分类",
        c.l2 || '问题反映' AS "诉求标题",
        '市民来电反映：' || p.town || '附近' || c.l2 || '问题已持续' || (1 + i % 9) || '天，' ||
          CASE WHEN i % 10 = 0 THEN '联系电话1' || (3 + i % 7) || lpad((i % 100000000)::VARCHAR, 9, '0') || '，' ELSE '' END ||
          '希望有关部门尽快核实处理。' AS "诉求内容",
        p.county AS "所属区县", p.town AS "所属街道",
        p.county || p.town || '人民路' || (1 + i % 300) || '号' || (1 + i % 20) || '栋' || (1 + i % 6) || '单元' || (101 + i % 30) || '室' AS "详细地址",
        round(104.35 + u1 * 0.6, 6) AS "经度", round(28.55 + u2 * 0.4, 6) AS "纬度",
        CASE WHEN i % 10 < 3 THEN 'GCJ02' ELSE 'WGS84' END AS "坐标系",
        c.dept AS "承办单位",
        1 + (u3 * u3 * 4)::INTEGER AS "派单次数",
        CASE WHEN u3 > 0.9 THEN '是' ELSE '否' END AS "是否退单",
        CASE WHEN u4 > 0.97 THEN '是' ELSE '否' END AS "是否督办",
        strftime(received + INTERVAL 20 MINUTE, '%Y/%-m/%-d %-H:%M:%S') AS "派单时间",
        strftime(received + INTERVAL 3 HOUR, '%Y/%-m/%-d %-H:%M:%S') AS "首次响应时间",
        strftime(received + INTERVAL 7 DAY, '%Y/%-m/%-d %-H:%M:%S') AS "办理时限",
        CASE WHEN u4 < 0.95 THEN strftime(received + to_seconds((u4 * 10 * 86400)::BIGINT), '%Y/%-m/%-d %-H:%M:%S') END AS "办结时间",
        CASE WHEN u4 < 0.95 THEN '已办结' ELSE '办理中' END AS "办理状态",
        CASE WHEN u4 < 0.95 THEN (CASE WHEN u3 < 0.8 THEN '已解决' ELSE '未解决' END) END AS "是否解决",
        CASE WHEN u4 < 0.95 THEN ['满意', '基本满意', '不满意', NULL][1 + (hash(i * 3) % 4)::INTEGER] END AS "满意度",
        CASE WHEN u4 < 0.95 THEN '经核实，已安排人员现场处理。' END AS "答复内容",
        '1' || (3 + i % 7) || lpad((hash(i * 13) % 1000000000)::VARCHAR, 9, '0') AS "来电号码",
        ['张', '王', '李', '赵', '刘'][1 + (i % 5)::INTEGER] || '先生' AS "来电人"
      FROM base JOIN cats c ON c.k = base.ck JOIN places p ON p.k = base.pk
      ORDER BY i
    ) TO ${sqlString(filePath)} (HEADER, DELIMITER ',');
  `);
  connection.closeSync();
  instance.closeSync();
}
