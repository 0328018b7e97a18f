import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDispatch, DispatchModel } from '@/lib/analytics/handling/dispatch-model';
import { BOUNCES_SQL, PATHS_SQL } from '@/lib/analytics/handling/paths-sql';
import { CLOSURES_SQL, REOPENED_WITHIN } from '@/lib/analytics/handling/reopen-sql';
import { execute, queryRows } from '@/lib/db/connection';

/**
 * The path extraction and the reopen rule on hand-made tickets in an in-memory DuckDB: the SQL the ETL step runs,
 * checked by DuckDB itself against outcomes worked out by hand.
 */
let instance: DuckDBInstance;
let connection: DuckDBConnection;

const TICKETS_DDL = `CREATE OR REPLACE TABLE tickets (
  ticket_id VARCHAR, received_at TIMESTAMP, dispatched_at TIMESTAMP, closed_at TIMESTAMP, category_l2 VARCHAR,
  department VARCHAR, co_departments VARCHAR[], dispatch_count INTEGER, returned BOOLEAN, escalated BOOLEAN,
  resolved BOOLEAN, satisfaction VARCHAR, caller_key VARCHAR, place_key VARCHAR)`;

interface T {
  id: string;
  received: string;
  closed?: string;
  dispatched?: string;
  category?: string;
  department?: string | null;
  co?: string[];
  dispatches?: number | null;
  returned?: boolean | null;
  resolved?: boolean | null;
  satisfaction?: string | null;
  caller?: string | null;
  place?: string | null;
}

async function loadTickets(rows: T[]): Promise<void> {
  await execute(connection, TICKETS_DDL);
  for (const r of rows)
    await execute(
      connection,
      `INSERT INTO tickets VALUES ($id, $received::TIMESTAMP, $dispatched::TIMESTAMP, $closed::TIMESTAMP, $category,
        $department, $co::VARCHAR[], $dispatches, $returned, false, $resolved, $satisfaction, $caller, $place)`,
      {
        id: r.id,
        received: r.received,
        dispatched: r.dispatched ?? null,
        closed: r.closed ?? null,
        category: r.category ?? '0205',
        department: r.department === undefined ? 'A' : r.department,
        co: `[${(r.co ?? []).map((u) => `'${u}'`).join(',')}]`,
        dispatches: r.dispatches === undefined ? 1 : r.dispatches,
        returned: r.returned === undefined ? false : r.returned,
        resolved: r.resolved === undefined ? true : r.resolved,
        satisfaction: r.satisfaction ?? null,
        caller: r.caller === undefined ? null : r.caller,
        place: r.place === undefined ? null : r.place,
      },
    );
}

async function reopened(windowDays = 30): Promise<Record<string, boolean>> {
  await execute(connection, CLOSURES_SQL(90));
  const rows = await queryRows<{ ticket_id: string; reopened: boolean }>(
    connection,
    `SELECT ticket_id, ${REOPENED_WITHIN} AS reopened FROM handling_closures ORDER BY ticket_id`,
    { windowDays },
  );
  return Object.fromEntries(rows.map((r) => [r.ticket_id, r.reopened]));
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => connection.closeSync());

describe('reopened after closure', () => {
  const closure = { received: '2025-03-01 08:00:00', closed: '2025-03-02 10:00:00' };

  it('counts a later appeal by the same caller on the same problem up to the window end, not after it', async () => {
    await loadTickets([
      { id: 'a', ...closure, caller: 'c1' },
      { id: 'a-back', received: '2025-04-01 10:00:00', caller: 'c1' }, // exactly 30 days after the closure
      { id: 'b', ...closure, caller: 'c2' },
      { id: 'b-back', received: '2025-04-01 10:00:01', caller: 'c2' }, // one second past the window
    ]);
    const flags = await reopened(30);
    expect(flags.a).toBe(true);
    expect(flags.b).toBe(false);
    // The window is the request's: 31 days takes the second one in too.
    expect((await reopened(31)).b).toBe(true);
  });

  it('ignores appeals received before the closure, on another problem, or from another caller elsewhere', async () => {
    await loadTickets([
      { id: 'a', ...closure, caller: 'c1', place: 'p1' },
      { id: 'a-before', received: '2025-03-02 09:59:59', caller: 'c1', place: 'p1' }, // before the closure
      { id: 'a-other', received: '2025-03-10 10:00:00', caller: 'c1', category: '0801' }, // another problem
      { id: 'a-stranger', received: '2025-03-10 10:00:00', caller: 'c9', place: 'p9' }, // someone else, elsewhere
    ]);
    expect((await reopened()).a).toBe(false);
  });

  it('counts the same place and problem from another caller when the place had been quiet', async () => {
    await loadTickets([
      { id: 'a', ...closure, caller: 'c1', place: 'p1' },
      { id: 'a-neighbour', received: '2025-03-20 10:00:00', caller: 'c2', place: 'p1' },
    ]);
    expect((await reopened()).a).toBe(true);
  });

  it('does not count the next appeal at a chronic place as a false closure, but the same caller still counts', async () => {
    await loadTickets([
      {
        id: 'a-earlier',
        received: '2025-02-20 10:00:00',
        closed: '2025-02-21 10:00:00',
        caller: 'c0',
        place: 'p1',
      },
      { id: 'b', ...closure, caller: 'c1', place: 'p1' },
      { id: 'b-neighbour', received: '2025-03-20 10:00:00', caller: 'c2', place: 'p1' },
      { id: 'c', ...closure, caller: 'c3', place: 'p2' },
      { id: 'c-earlier', received: '2025-02-25 10:00:00', caller: 'c4', place: 'p2' },
      { id: 'c-back', received: '2025-03-05 10:00:00', caller: 'c3', place: 'p2' },
    ]);
    const flags = await reopened();
    expect(flags.b).toBe(false);
    expect(flags.c).toBe(true);
  });

  it('takes only closures as resolved or satisfied: an unresolved, unrated closure cannot be a false one', async () => {
    await loadTickets([
      { id: 'a', ...closure, caller: 'c1', resolved: false, satisfaction: 'satisfied' },
      { id: 'b', ...closure, caller: 'c2', resolved: false, satisfaction: 'dissatisfied' },
      { id: 'c', received: '2025-03-01 08:00:00', caller: 'c3' }, // still open
      { id: 'back', received: '2025-03-05 10:00:00', caller: 'c1' },
    ]);
    const flags = await reopened();
    expect(Object.keys(flags)).toEqual(['a']);
    expect(flags.a).toBe(true);
  });
});

describe('dispatch paths', () => {
  beforeAll(async () => {
    await loadTickets([
      {
        id: 'bounced',
        received: '2025-03-01',
        department: 'B',
        co: ['A', 'B', 'A'],
        dispatches: 3,
        returned: true,
      },
      {
        id: 'returned-once',
        received: '2025-03-01',
        department: 'A',
        co: ['C'],
        dispatches: 1,
        returned: true,
      },
      {
        id: 'co-handled',
        received: '2025-03-01',
        department: 'A',
        co: ['C'],
        dispatches: 1,
        returned: false,
      },
      { id: 'redispatched', received: '2025-03-01', department: 'A', dispatches: 2, returned: true },
      { id: 'web', received: '2025-03-01', department: 'A', dispatches: null, returned: null },
      { id: 'pending', received: '2025-03-01', department: null },
      {
        id: 'fast',
        received: '2025-03-01 08:00:00',
        dispatched: '2025-03-01 09:00:00',
        closed: '2025-03-01 09:20:00',
      },
    ]);
    await execute(connection, PATHS_SQL(60));
    await execute(connection, BOUNCES_SQL);
  });

  it('keeps one path per ticket with a lead unit, co-handling units without the lead or repeats', async () => {
    const rows = await queryRows<{ ticket_id: string; co_units: string[]; multi_unit: boolean }>(
      connection,
      'SELECT ticket_id, co_units, multi_unit FROM handling_paths ORDER BY ticket_id',
    );
    expect(rows.map((r) => r.ticket_id)).not.toContain('pending');
    expect(rows.find((r) => r.ticket_id === 'bounced')).toMatchObject({ co_units: ['A'], multi_unit: true });
    expect(rows.find((r) => r.ticket_id === 'redispatched')).toMatchObject({
      co_units: [],
      multi_unit: false,
    });
  });

  it('leaves re-dispatch unknown where the layout does not say, and flags a closure within the hour', async () => {
    const rows = await queryRows<{
      ticket_id: string;
      redispatched: boolean | null;
      closed_fast: boolean | null;
    }>(connection, 'SELECT ticket_id, redispatched, closed_fast FROM handling_paths ORDER BY ticket_id');
    const by = Object.fromEntries(rows.map((r) => [r.ticket_id, r]));
    expect(by.web?.redispatched).toBeNull();
    expect(by.redispatched?.redispatched).toBe(true);
    expect(by.fast?.closed_fast).toBe(true);
    expect(by.web?.closed_fast).toBeNull();
  });

  it('pairs a returned or re-dispatched ticket with several units, in name order; co-handling alone is no bounce', async () => {
    const rows = await queryRows<{ ticket_id: string; unit_a: string; unit_b: string }>(
      connection,
      'SELECT ticket_id, unit_a, unit_b FROM handling_bounces ORDER BY ticket_id',
    );
    expect(rows).toEqual([
      { ticket_id: 'bounced', unit_a: 'A', unit_b: 'B' },
      { ticket_id: 'returned-once', unit_a: 'A', unit_b: 'C' },
    ]);
  });
});

describe('dispatch suggestion model', () => {
  const examples = [
    ...Array.from({ length: 20 }, () => ({
      text: '小区楼下烧烤店油烟扰民',
      category: '0205',
      county: 'd1',
      town: 't1',
      unit: 'Enforcement',
      coUnits: ['Ecology'],
    })),
    ...Array.from({ length: 20 }, () => ({
      text: '工厂排放废气刺鼻',
      category: '0203',
      county: 'd1',
      town: 't1',
      unit: 'Ecology',
    })),
    ...Array.from({ length: 10 }, () => ({
      text: '路边烧烤油烟很大',
      category: '0205',
      county: 'd2',
      town: 't2',
      unit: 'Street office t2',
    })),
  ];
  const model = new DispatchModel(countDispatch(examples, new Set(['油烟', '烧烤', '废气', '扰民'])));

  it('finds vocabulary words in pasted text by longest match', () => {
    expect(model.matchTerms('楼下烧烤油烟扰民严重')).toEqual(['烧烤', '油烟', '扰民']);
  });

  it('suggests the unit that handles the category in that street first, with co-handling units', () => {
    const s = model.suggest({ text: '烧烤油烟', category: '0205', county: 'd2', town: 't2' });
    expect(s.lead[0]?.unit).toBe('Street office t2');
    const t1 = model.suggest({ text: '烧烤油烟', category: '0205', county: 'd1', town: 't1' });
    expect(t1.lead[0]?.unit).toBe('Enforcement');
    expect(t1.coHandling.map((c) => c.unit)).toEqual(['Ecology']);
    const total = s.lead.reduce((n, l) => n + l.confidence, 0);
    expect(total).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('goes by the words when the call-taker gives no category', () => {
    const s = model.suggest({ text: '工厂废气', category: null, county: 'd1', town: null });
    expect(s.lead[0]?.unit).toBe('Ecology');
  });
});
