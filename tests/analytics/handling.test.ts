import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBriefing } from '@/lib/briefing/fetch-briefing';
import { briefingText } from '@/lib/briefing/text';
import { paragraphText } from '@/lib/briefing/text/segments';
import type { Filters } from '@/lib/filters/filters';
import { loadDispatchModel } from '@/lib/queries/dispatch-model';
import { fetchBouncePairs } from '@/lib/queries/handling-bounces';
import { fetchUnitClosureQuality } from '@/lib/queries/handling-units';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { query } from '../support/warehouse';

/**
 * The handling step on the committed sample city against its planted ground truth (handlingQuality in
 * ground-truth.json): the kitchen-fumes tickets bounced between two bureaus, the unit whose fast closures come
 * back, and the units that finally handled every later ticket for the dispatch suggestion's backtest.
 */
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  handlingQuality: {
    bouncePair: { categoryCode: string; units: [string, string]; ticketIds: string[] };
    fastCloser: {
      department: string;
      fastClosedTicketIds: string[];
      reopens: { closedTicketId: string; reopenTicketId: string }[];
    };
    knownUnits: { byCategory: Record<string, string> };
  };
};
const plantedReopens = truth.handlingQuality.fastCloser.reopens;
const list = (ids: string[]) => `[${ids.map((id) => `'${id}'`).join(',')}]`;
const ALL: Filters = { from: '2024-01-01', to: '2025-12-31' };

let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;
beforeAll(async () => {
  warehouse = await buildSampleWarehouse('handling', { analytics: ['handling'] });
}, 240_000);
afterAll(() => warehouse?.cleanup());

describe('bounce pairs on the sample city', () => {
  it('ranks the planted pair first, with its category first among the categories involved', async () => {
    const pairs = await fetchBouncePairs(ALL);
    const planted = truth.handlingQuality.bouncePair;
    expect([pairs[0]!.unitA, pairs[0]!.unitB]).toEqual([...planted.units].sort());
    expect(pairs[0]!.categories[0]!.code).toBe(planted.categoryCode);
    // Every planted ticket is among the pair's bounced tickets (plus the few the background bounces too).
    expect(pairs[0]!.bouncedTickets).toBeGreaterThanOrEqual(planted.ticketIds.length);
    expect(pairs[1]!.bouncedTickets).toBeLessThan(pairs[0]!.bouncedTickets / 3);
  });

  it('counts each bounced ticket of the pair once, as an independent count on tickets does', async () => {
    const [a, b] = [...truth.handlingQuality.bouncePair.units].sort();
    const [row] = await query<{ n: number }>(
      warehouse.config,
      `SELECT count(*)::INTEGER AS n FROM tickets
       WHERE (coalesce(returned, false) OR coalesce(dispatch_count, 1) > 1)
         AND ((department = ? AND list_contains(co_departments, ?)) OR (department = ? AND list_contains(co_departments, ?)))`,
      [a, b, b, a],
    );
    const pairs = await fetchBouncePairs(ALL);
    expect(pairs[0]!.bouncedTickets).toBe(row!.n);
  });

  it('finds no pair in a month before the data begins', async () => {
    expect(await fetchBouncePairs({ from: '2020-01-01', to: '2020-01-31' })).toEqual([]);
  });
});

describe('reopened after closure on the sample city', () => {
  it('gives the planted fast closer the highest reopened-after-closure rate of the ranked units', async () => {
    const units = (await fetchUnitClosureQuality(ALL, 30)).filter((u) => u.ranked);
    expect(units[0]!.unit).toBe(truth.handlingQuality.fastCloser.department);
    expect(units[0]!.reopenedAfterClosureRate!).toBeGreaterThan(2 * units[1]!.reopenedAfterClosureRate!);
    // And the highest share of tickets closed within the hour.
    const byFast = [...units].sort((x, y) => (y.fastClosureShare ?? 0) - (x.fastClosureShare ?? 0));
    expect(byFast[0]!.unit).toBe(truth.handlingQuality.fastCloser.department);
  });

  it('finds each planted reopen as the first return of its closure by the same caller', async () => {
    const pairs = await query<{ closed: string; reopen: string; found: string | null; days: number | null }>(
      warehouse.config,
      `SELECT p.closed, p.reopen, r.source_id AS found, h.caller_reopen_days AS days
       FROM (SELECT unnest(?::VARCHAR[]) AS closed, unnest(?::VARCHAR[]) AS reopen) p
       JOIN tickets t ON t.source_id = p.closed
       JOIN handling_closures h USING (ticket_id)
       LEFT JOIN tickets r ON r.ticket_id = h.caller_reopen_id`,
      [list(plantedReopens.map((r) => r.closedTicketId)), list(plantedReopens.map((r) => r.reopenTicketId))],
    );
    // Fast closures on the web board or the app that were neither rated satisfied nor marked resolved (those layouts
    // have no resolution field) are no closures to reopen; every other one is found, 4–25 days on.
    expect(pairs.length).toBeGreaterThan(plantedReopens.length * 0.8);
    for (const p of pairs) {
      expect(p.found, p.closed).toBe(p.reopen);
      expect(p.days!).toBeGreaterThanOrEqual(4);
      expect(p.days!).toBeLessThan(26);
    }
  });

  it('narrows with the window: a 3-day window misses the planted reopens, which come 4–25 days later', async () => {
    const fast = truth.handlingQuality.fastCloser.department;
    const narrow = (await fetchUnitClosureQuality(ALL, 3)).find((u) => u.unit === fast)!;
    const wide = (await fetchUnitClosureQuality(ALL, 30)).find((u) => u.unit === fast)!;
    expect(narrow.reopened).toBeLessThan(wide.reopened / 5);
  });
});

describe('dispatch suggestion on the sample city', () => {
  it('stores a time-based backtest with top-3 accuracy of at least 0.9 on the later tickets', async () => {
    const [bt] = await query<{ tickets: number; top1: number; top3: number; test_from: string }>(
      warehouse.config,
      `SELECT tickets, top1, top3, strftime(test_from, '%Y-%m-%d') AS test_from FROM dispatch_backtest`,
    );
    console.info(JSON.stringify({ dispatchBacktest: bt }));
    const [later] = await query<{ n: number }>(
      warehouse.config,
      `SELECT count(*)::INTEGER AS n FROM tickets
       WHERE department IS NOT NULL AND received_at >= (SELECT test_from FROM dispatch_backtest)`,
    );
    expect(bt!.tickets).toBe(later!.n);
    expect(bt!.top3).toBeGreaterThanOrEqual(0.9);
    expect(bt!.top1).toBeLessThanOrEqual(bt!.top3);
  });

  it('sends appeals of single-utility categories to their utility first, from the text alone', async () => {
    const model = await loadDispatchModel();
    const [row] = await query<{ text: string; category_l2: string }>(
      warehouse.config,
      `SELECT concat_ws(' ', title, content) AS text, category_l2 FROM tickets
       WHERE category_l2 = '1003' ORDER BY received_at DESC LIMIT 1`,
    );
    const known = truth.handlingQuality.knownUnits.byCategory;
    expect(model.suggest({ text: row!.text, category: null, county: null, town: null }).lead[0]!.unit).toBe(
      known['1003'],
    );
    for (const [code, unit] of Object.entries(known))
      expect(model.suggest({ text: '', category: code, county: null, town: null }).lead[0]!.unit).toBe(unit);
  });

  it('suggests the two units of the bounced pair first for its category', async () => {
    const model = await loadDispatchModel();
    const s = model.suggest({ text: '楼下饭店油烟太大', category: '0205', county: null, town: null });
    expect(
      s.lead
        .slice(0, 2)
        .map((l) => l.unit)
        .sort(),
    ).toEqual([...truth.handlingQuality.bouncePair.units].sort());
  });
});

describe('handling quality in the monthly briefing', () => {
  it('names the planted fast closer first among the units with most reopened closures, by name only', async () => {
    const result = await fetchBriefing('2025-06');
    if (result.kind !== 'ok') throw new Error('the sample city has June 2025');
    const quality = result.model.handling.quality!;
    expect(quality.mostReopened[0]!.unit).toBe(truth.handlingQuality.fastCloser.department);
    const [pair] = quality.bouncePairs;
    expect([pair!.unitA, pair!.unitB]).toEqual([...truth.handlingQuality.bouncePair.units].sort());
    const handling = briefingText(result.model, 'zh', 'exact').find((s) => s.id === 'handling')!;
    const text = handling.paragraphs.map((p) => paragraphText(p, 'zh')).join('');
    expect(text).toContain(
      `办结后又被同一来电人或同一地点就同一问题再次反映最多的单位是${truth.handlingQuality.fastCloser.department}`,
    );
  });
});
