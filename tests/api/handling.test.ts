import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getBacktest } from '../../app/api/dispatch/backtest/route';
import { POST as postSuggest } from '../../app/api/dispatch/suggest/route';
import { GET as getBouncePairs } from '../../app/api/handling/bounce-pairs/route';
import { GET as getEscalations } from '../../app/api/handling/escalations/route';
import { GET as getRates } from '../../app/api/handling/rates/route';
import { GET as getUnits } from '../../app/api/handling/units/route';
import type { DispatchAnswer } from '../../lib/queries/dispatch-suggest';
import type { BouncePair } from '../../lib/queries/handling-bounces';
import type { EscalationSummary } from '../../lib/queries/handling-escalations';
import type { HandlingRateRow } from '../../lib/queries/handling-rates';
import type { UnitClosureQuality } from '../../lib/queries/handling-units';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { signedRequest, signIn } from '../support/session';
import { query } from '../support/warehouse';

/** The handling-quality and dispatch routes on the sample city with the handling step, as Next calls them. */
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  handlingQuality: {
    bouncePair: { categoryCode: string; units: [string, string] };
    fastCloser: { department: string };
  };
};
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;
beforeAll(async () => {
  warehouse = await buildSampleWarehouse('api-handling', { analytics: ['handling'] });
}, 240_000);
afterAll(() => warehouse?.cleanup());

const RANGE = 'from=2024-01-01&to=2025-12-31';
const get = async <T>(handler: (r: Request) => Promise<Response>, url: string): Promise<T> => {
  const response = await handler(signedRequest(`http://x${url}`));
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};
const suggest = (body: unknown) =>
  postSuggest(
    signedRequest('http://x/api/dispatch/suggest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

describe('GET /api/handling/*', () => {
  it('ranks the planted bounce pair first, and a filter on another category removes it', async () => {
    const pairs = await get<BouncePair[]>(getBouncePairs, `/api/handling/bounce-pairs?${RANGE}`);
    expect([pairs[0]!.unitA, pairs[0]!.unitB]).toEqual([...truth.handlingQuality.bouncePair.units].sort());
    const other = await get<BouncePair[]>(
      getBouncePairs,
      `/api/handling/bounce-pairs?${RANGE}&category=0801`,
    );
    expect(
      other.some((p) => p.categories.some((c) => c.code === truth.handlingQuality.bouncePair.categoryCode)),
    ).toBe(false);
  });

  it('gives re-dispatch rates by category that equal an independent count, the bounced category on top', async () => {
    const rows = await get<HandlingRateRow[]>(getRates, `/api/handling/rates?${RANGE}&by=category`);
    expect(rows[0]!.key).toBe(truth.handlingQuality.bouncePair.categoryCode);
    const [count] = await query<{ known: number; re: number }>(
      warehouse.config,
      `SELECT count(dispatch_count)::INTEGER AS known, count(*) FILTER (dispatch_count > 1)::INTEGER AS re
       FROM tickets WHERE department IS NOT NULL AND category_l2 = ?`,
      [rows[0]!.key],
    );
    expect(rows[0]!.dispatchKnown).toBe(count!.known);
    expect(rows[0]!.redispatched).toBe(count!.re);
    expect(rows[0]!.redispatchRate).toBeCloseTo(count!.re / count!.known, 10);
  });

  it('rejects an unknown breakdown with 400', async () => {
    const response = await getRates(signedRequest(`http://x/api/handling/rates?${RANGE}&by=colour`));
    expect(response.status).toBe(400);
  });

  it('puts the planted fast closer first by reopened-after-closure rate', async () => {
    const units = await get<UnitClosureQuality[]>(getUnits, `/api/handling/units?${RANGE}&window=30`);
    expect(units[0]!.unit).toBe(truth.handlingQuality.fastCloser.department);
    expect(units[0]!.ranked).toBe(true);
  });

  it('counts tickets dispatched three or more times as the tickets table does', async () => {
    const s = await get<EscalationSummary>(getEscalations, `/api/handling/escalations?${RANGE}`);
    const [count] = await query<{ n: number; e: number }>(
      warehouse.config,
      `SELECT count(*) FILTER (dispatch_count >= 3)::INTEGER AS n, count(*) FILTER (escalated)::INTEGER AS e
       FROM tickets WHERE department IS NOT NULL`,
    );
    expect(s.dispatchedThreeTimes).toBe(count!.n);
    expect(s.escalated).toBe(count!.e);
    expect(s.tickets.length).toBeGreaterThan(0);
  });
});

describe('dispatch suggestion routes', () => {
  it('serves the stored backtest', async () => {
    const bt = await get<{ top1: number; top3: number; tickets: number }>(
      getBacktest,
      '/api/dispatch/backtest',
    );
    expect(bt.top3).toBeGreaterThanOrEqual(0.9);
    expect(bt.tickets).toBeGreaterThan(0);
  });

  it('suggests the power company for a power cut, with supporting tickets whose text is masked', async () => {
    const response = await suggest({
      text: '我家小区从早上开始停电了，电话13812345678，请尽快处理',
      region: '511502',
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as DispatchAnswer;
    expect(answer.lead[0]!.unit).toBe('国网宜宾供电公司');
    expect(answer.lead[0]!.support.length).toBeGreaterThan(0);
    // The supporting tickets are the unit's latest in that district closed without return, as on `tickets`.
    const latest = await query<{ ticket_id: string }>(
      warehouse.config,
      `SELECT ticket_id FROM tickets
       WHERE department = ? AND county_code = '511502' AND status = 'closed' AND returned IS DISTINCT FROM true
       ORDER BY received_at DESC, ticket_id LIMIT 2`,
      [answer.lead[0]!.unit],
    );
    expect(answer.lead[0]!.support.map((x) => x.ticketId)).toEqual(latest.map((r) => r.ticket_id));
    const shown = answer.lead.flatMap((l) => l.support.flatMap((x) => [x.title, x.excerpt]));
    expect(shown.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer)).not.toContain('13812345678');
    for (const text of shown) expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  it('asks for a session, and refuses leadership, who read aggregates and not tickets', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"停电"}' };
    expect((await postSuggest(new Request('http://x/api/dispatch/suggest', init))).status).toBe(401);
    const leader = await signIn('leadership');
    expect(
      (await postSuggest(signedRequest('http://x/api/dispatch/suggest', init, leader.cookie))).status,
    ).toBe(403);
  });

  it('answers 400 to a body that is not an appeal, 415 to one that is not JSON, 413 to one too large', async () => {
    expect((await suggest({ text: '' })).status).toBe(400);
    expect((await suggest({ text: '停电', category: 'power' })).status).toBe(400);
    expect((await suggest('not json')).status).toBe(415);
    expect((await suggest({ text: '停电'.repeat(10_000) })).status).toBe(413);
  });
});
