import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { buildTicketTerms } from '../../etl/analytics/terms';
import { execute, queryRows } from '../../lib/db/connection';

/** The terms step on a hand-made warehouse holding only the columns it reads. */
async function warehouse() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await execute(
    connection,
    `CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
     CREATE TABLE regions (code VARCHAR, name VARCHAR);
     CREATE TABLE region_aliases (alias VARCHAR, code VARCHAR);
     CREATE TABLE tickets (ticket_id VARCHAR, title VARCHAR, content VARCHAR, row_hash UBIGINT);
     INSERT INTO regions VALUES ('511502', '翠屏区'), ('511502001', '合江门街道');
     INSERT INTO region_aliases VALUES ('翠屏', '511502');
     INSERT INTO tickets VALUES
       ('a', '翠屏区路口积水', '合江门街道人民路每次下雨就积水，车辆熄火', 1),
       ('b', '工地欠薪', '包工头拖欠工资三个月', 2);`,
  );
  const terms = async () =>
    (
      await queryRows<{ ticket_id: string; term: string }>(
        connection,
        'SELECT ticket_id, term FROM ticket_terms ORDER BY ALL',
      )
    ).map((r) => `${r.ticket_id}:${r.term}`);
  return { connection, terms };
}

describe('ticket terms', () => {
  it('keeps problem words, drops the warehouse’s place names, and segments only new or changed tickets', async () => {
    const { connection, terms } = await warehouse();
    expect(await buildTicketTerms(connection)).toBe(2);
    const first = await terms();
    expect(first).toContain('a:积水');
    expect(first).toContain('b:欠薪');
    expect(first).toContain('b:拖欠工资');
    expect(first.some((t) => /翠屏|合江门|人民路/.test(t))).toBe(false);
    // Each ticket once per term, however often the word occurs in it.
    expect(first.filter((t) => t === 'a:积水')).toHaveLength(1);

    expect(await buildTicketTerms(connection)).toBe(0);
    expect(await terms()).toEqual(first);

    await execute(
      connection,
      `UPDATE tickets SET content = '楼下烧烤店噪音扰民', title = '噪音', row_hash = 3 WHERE ticket_id = 'b';
       DELETE FROM tickets WHERE ticket_id = 'a';`,
    );
    expect(await buildTicketTerms(connection)).toBe(1);
    const after = await terms();
    expect(after).toContain('b:噪音扰民');
    expect(after.some((t) => t.startsWith('a:') || t === 'b:欠薪')).toBe(false);
  });
});
