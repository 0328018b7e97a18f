import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { classifyTickets, trainFromWarehouse } from '../../etl/analytics/classify';
import { SCHEMA_SQL } from '../../etl/load/schema';
import { type LabelledText, trainCategoryModel } from '../../lib/analytics/text/category-model';
import { execute, queryRows } from '../../lib/db/connection';

/**
 * The classify step on a hand-made warehouse holding only the ticket columns it reads and writes, and what it notes
 * for the rollups' refresh (the other tables of the real schema); the rollups count load 1.
 */
async function warehouse() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await execute(
    connection,
    `CREATE TABLE tickets (ticket_id VARCHAR, title VARCHAR, content VARCHAR, category_code VARCHAR,
       category_l1 VARCHAR, category_l2 VARCHAR, category_origin VARCHAR, category_confidence DOUBLE);
     INSERT INTO tickets VALUES
       -- The source said 噪声 although the text is about flooding: the source wins, always.
       ('source', '路口积水', '下雨后路面积水严重', '0202', '02', '0202', 'source', NULL),
       ('mapped', '老板欠薪', '工地拖欠工资', '07', '07', NULL, 'mapped', NULL),
       ('blank', '路口积水', '暴雨后积水倒灌进门市', NULL, NULL, NULL, NULL, NULL),
       ('nothing', '你好', '今天天气晴朗', NULL, NULL, NULL, NULL, NULL),
       -- A stale prediction from an earlier model: redone.
       ('stale', '欠薪', '包工头欠薪跑路了', '02', '02', NULL, 'predicted', 0.7);
     ALTER TABLE tickets ADD COLUMN received_at TIMESTAMP DEFAULT TIMESTAMP '2024-03-05 08:00';
     ALTER TABLE tickets ADD COLUMN load_id INTEGER DEFAULT 1;
     ALTER TABLE tickets ADD COLUMN caller_key VARCHAR;
     ALTER TABLE tickets ADD COLUMN h3_r6 UBIGINT;
     ALTER TABLE tickets ADD COLUMN h3_r8 UBIGINT;`,
  );
  await execute(connection, SCHEMA_SQL);
  await execute(connection, "INSERT INTO meta VALUES ('rollups_through_load', '1')");
  const rows = async () =>
    Object.fromEntries(
      (
        await queryRows<{
          ticket_id: string;
          code: string | null;
          origin: string | null;
          confidence: number | null;
        }>(
          connection,
          `SELECT ticket_id, category_code AS code, category_origin AS origin, category_confidence AS confidence
           FROM tickets ORDER BY ticket_id`,
        )
      ).map((r) => [r.ticket_id, r]),
    );
  return { connection, rows };
}

const FRAMES = ['您好，我要反映{p}，请尽快处理', '{p}已经很久了，希望有关部门管一管', '市民来电称{p}'];
const TEXTS: Record<string, [string, string[]]> = {
  '01': ['0104', ['下雨后路面积水严重', '暴雨积水倒灌进门市', '下水道堵塞积水排不出去', '路口内涝车辆熄火']],
  '07': ['0701', ['工地老板欠薪不给', '公司拖欠工资三个月', '农民工讨薪无门', '包工头欠薪跑路了']],
  '02': ['0202', ['楼下广场舞噪音扰民', '酒吧深夜噪音扰民', '邻居装修噪音太大', 'KTV噪声扰民睡不着']],
};
const examples: LabelledText[] = Object.entries(TEXTS).flatMap(([l1, [l2, texts]]) =>
  FRAMES.flatMap((f) => texts.map((t) => ({ text: f.replace('{p}', t), level1: l1, level2: l2 }))),
);

describe('classify step', () => {
  it('does not train on too few categorised tickets, and says why', async () => {
    const { connection } = await warehouse();
    const trained = await trainFromWarehouse(connection);
    expect(trained.model).toBeNull();
    expect(trained.reason).toMatch(/2 categorised tickets .* needs 300/);
  });

  it('predicts for tickets without a category, never touches a source category, and redoes its own', async () => {
    const { connection, rows } = await warehouse();
    const model = trainCategoryModel([...examples, ...examples], { folds: 3 });
    expect(await classifyTickets(connection, model)).toBe(3);
    const after = await rows();
    expect(after.source).toEqual({ ticket_id: 'source', code: '0202', origin: 'source', confidence: null });
    expect(after.mapped).toEqual({ ticket_id: 'mapped', code: '07', origin: 'mapped', confidence: null });
    expect(after.blank).toMatchObject({ code: '0104', origin: 'predicted' });
    expect(after.blank?.confidence).toBeGreaterThanOrEqual(0.6);
    expect(after.stale).toMatchObject({ code: '0701', origin: 'predicted' });
    expect(after.nothing).toMatchObject({ code: null, origin: 'unclassified' });
    expect(after.nothing?.confidence).toBeLessThan(0.6);
    // The rollups counted these tickets under their old categories: the refresh after the load recounts their days.
    const noted = async () =>
      (
        await queryRows<{ ticket_id: string }>(
          connection,
          'SELECT ticket_id FROM replaced_tickets ORDER BY 1',
        )
      ).map((r) => r.ticket_id);
    expect(await noted()).toEqual(['blank', 'nothing', 'stale']);
    await execute(connection, 'DELETE FROM replaced_tickets');
    // Running again changes nothing.
    expect(await classifyTickets(connection, model)).toBe(3);
    expect(await rows()).toEqual(after);
    // With the same model a routine load classifies only tickets never tried.
    await execute(
      connection,
      "INSERT INTO tickets (ticket_id, title, content, load_id) VALUES ('new', '噪音', '楼下酒吧噪音扰民', 2)",
    );
    await execute(connection, 'DELETE FROM replaced_tickets');
    expect(await classifyTickets(connection, model, { redo: false })).toBe(1);
    expect((await rows()).new).toMatchObject({ code: '0202', origin: 'predicted' });
    // A ticket of this load is not counted yet, so there is nothing old to recount.
    expect(await noted()).toEqual([]);
  });
});
