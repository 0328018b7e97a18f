import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeKey } from './code-vocabulary';
import { appealTypeSql, booleanSql, doubleSql, integerSql, satisfactionSql, statusSql } from './codes';
import { openTestDuckDB, type TestDuckDB } from './test-duckdb';

let db: TestDuckDB;
beforeAll(async () => {
  db = await openTestDuckDB();
});
afterAll(() => db.close());

async function expectMapped(build: (x: string) => string, cases: Record<string, unknown>): Promise<void> {
  const inputs = Object.keys(cases);
  const outputs = await db.evaluate(build, inputs);
  expect(Object.fromEntries(inputs.map((input, i) => [input, outputs[i]]))).toEqual(cases);
}

describe('code builders', () => {
  it('maps appeal types in Chinese and English, unknown text to other and blanks to NULL', async () => {
    await expectMapped((x) => appealTypeSql(x), {
      咨询: 'consult',
      ' 求助 ': 'help',
      投诉: 'complaint',
      举报: 'report',
      建议: 'suggestion',
      表扬: 'praise',
      感谢: 'praise',
      其他: 'other',
      Complaint: 'complaint',
      ' INQUIRY ': 'consult',
      'Thank you': 'praise',
      '投　诉': 'complaint',
      求职: 'other',
      '': null,
      '   ': null,
    });
    expect(await db.evaluate((x) => appealTypeSql(x), [null])).toEqual([null]);
  });

  it('maps statuses from 12345 and 311 wording', async () => {
    await expectMapped((x) => statusSql(x), {
      待受理: 'open',
      待派单: 'open',
      Pending: 'open',
      Open: 'open',
      已受理: 'in_progress',
      办理中: 'in_progress',
      处理中: 'in_progress',
      已派单: 'in_progress',
      Assigned: 'in_progress',
      'In Progress': 'in_progress',
      in_progress: 'in_progress',
      'IN-PROGRESS': 'in_progress',
      已办结: 'closed',
      办结: 'closed',
      已完成: 'closed',
      已关闭: 'closed',
      已回访: 'closed',
      Closed: 'closed',
      已撤销: 'cancelled',
      作废: 'cancelled',
      Canceled: 'cancelled',
      Cancelled: 'cancelled',
      Unspecified: null,
      '': null,
    });
  });

  it('maps satisfaction on the three-level scale', async () => {
    await expectMapped((x) => satisfactionSql(x), {
      满意: 'satisfied',
      非常满意: 'satisfied',
      基本满意: 'basically_satisfied',
      不满意: 'dissatisfied',
      非常不满意: 'dissatisfied',
      'Very Satisfied': 'satisfied',
      'Not satisfied': 'dissatisfied',
      未评价: null,
    });
  });

  it('maps booleans', async () => {
    await expectMapped((x) => booleanSql(x), {
      是: true,
      否: false,
      Y: true,
      n: false,
      YES: true,
      no: false,
      TRUE: true,
      False: false,
      '1': true,
      '0': false,
      已解决: true,
      未解决: false,
      解决: true,
      部分解决: null,
      maybe: null,
    });
  });

  it('lets a mapping file override and extend the vocabulary', async () => {
    await expectMapped(
      (x) => statusSql(x, { 'Email Sent': 'in_progress', 已回访: 'in_progress', "It's done": 'closed' }),
      {
        'email sent': 'in_progress',
        已回访: 'in_progress',
        "it's done": 'closed',
        已办结: 'closed',
      },
    );
    await expectMapped((x) => appealTypeSql(x, { 未知: '' }), { 未知: null, 投诉: 'complaint' });
    await expectMapped((x) => booleanSql(x, { 已退单: 'true' }), { 已退单: true });
    expect(() => statusSql('x', { 已办结: 'done' })).toThrow(/not one of/);
  });

  it('keys vocabulary the same way in JS and SQL', async () => {
    const inputs = ['In Progress', 'IN_PROGRESS', ' 已　办结 ', 'ÀB-c'];
    const sql = await db.evaluate(
      (x) => `lower(regexp_replace(${x}, '[\\s\\x{3000}_\\-]+', '', 'g'))`,
      inputs,
    );
    expect(sql).toEqual(inputs.map(codeKey));
  });

  it('reads integers and doubles from trimmed text', async () => {
    await expectMapped((x) => integerSql(x), {
      '2': 2,
      ' 2 ': 2,
      '2.0': 2,
      '-3': -3,
      '1,234': 1234,
      '2.5': null,
      abc: null,
      '': null,
      '1e3': 1000,
      '99999999999': null,
      nan: null,
      '1,5': null,
    });
    await expectMapped((x) => doubleSql(x), {
      '2.5': 2.5,
      ' -0.25 ': -0.25,
      '1,234.5': 1234.5,
      inf: null,
      NaN: null,
      '1,5': null,
      x1: null,
    });
  });

  it('binds as prepared statements', async () => {
    for (const build of [appealTypeSql, statusSql, satisfactionSql, booleanSql, integerSql, doubleSql]) {
      await db.prepare((x) => build(x));
    }
  });
});
