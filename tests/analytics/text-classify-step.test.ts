import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { classifyTickets, trainFromWarehouse } from '../../etl/analytics/classify';
import { type LabelledText, trainCategoryModel } from '../../lib/analytics/text/category-model';
import { execute, queryRows } from '../../lib/db/connection';

/** The classify step on a hand-made warehouse holding only the columns it reads and writes. */
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
       ('stale', '欠薪', '包工头欠薪跑路了', '02', '02', NULL, 'predicted', 0.7);`,
  );
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
    // Running again changes nothing.
    expect(await classifyTickets(connection, model)).toBe(3);
    expect(await rows()).toEqual(after);
    // With the same model a routine load classifies only tickets never tried.
    await execute(
      connection,
      "INSERT INTO tickets VALUES ('new', '噪音', '楼下酒吧噪音扰民', NULL, NULL, NULL, NULL, NULL)",
    );
    expect(await classifyTickets(connection, model, { redo: false })).toBe(1);
    expect((await rows()).new).toMatchObject({ code: '0202', origin: 'predicted' });
  });
});
