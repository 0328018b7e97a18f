import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../app/api/hot-words/route';
import { GET as getTickets } from '../../app/api/tickets/route';
import { GET as getVolume } from '../../app/api/volume-trend/route';
import type { HotWords } from '../../lib/queries/hot-words';
import type { TicketList } from '../../lib/queries/ticket-list';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { signedRequest } from '../support/session';
import { query } from '../support/warehouse';

/**
 * GET /api/hot-words against the sample city built with the classify and terms steps. The sample plants storm-day
 * power cuts and flooding in summer and wage arrears before the Spring Festival (docs/sample-city.md); the hot
 * words must find them in those periods, and nothing much in a month with no planted signal.
 */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('api-hot-words', { analytics: ['classify', 'terms'] });
}, 240_000);
afterAll(() => warehouse?.cleanup());

async function hot(search: string): Promise<HotWords> {
  const response = await GET(signedRequest(`http://localhost/api/hot-words?${search}`));
  expect(response.status).toBe(200);
  return (await response.json()) as HotWords;
}

/** Tickets received in [from, to] (days in the deployment's wall clock), counted straight from the table. */
async function ticketCount(
  from: string,
  to: string,
  extra = 'true',
  params: unknown[] = [],
): Promise<number> {
  const [row] = await query<{ n: number }>(
    warehouse.config,
    `SELECT count(*)::INTEGER AS n FROM tickets
     WHERE received_at >= $1::DATE AND received_at < $2::DATE + INTERVAL 1 DAY AND ${extra}`,
    [from, to, ...params],
  );
  return row?.n ?? 0;
}

describe('GET /api/hot-words', () => {
  it('finds the summer storms: power cuts and flooding rise in July', async () => {
    const words = await hot('from=2025-07-01&to=2025-07-31');
    expect(words.available).toBe(true);
    expect(words.period.tickets).toBe(await ticketCount('2025-07-01', '2025-07-31'));
    expect(words.baseline).toMatchObject({ from: '2025-03-30', to: '2025-06-30' });
    expect(words.baseline.tickets).toBe(await ticketCount('2025-03-30', '2025-06-30'));
    const terms = words.words.map((w) => w.term);
    expect(terms).toContain('停电');
    expect(terms).toContain('积水');
    for (const w of words.words) {
      expect(w.share).toBeGreaterThan(w.baselineShare);
      expect(w.qValue).toBeLessThanOrEqual(0.05);
      expect(w.count).toBeGreaterThanOrEqual(words.minCount);
    }
    // A ticket counted for a term contains it; segmentation may find fewer (积水 inside 积水井 is another word).
    const flood = words.words.find((w) => w.term === '积水');
    const containing = await ticketCount(
      '2025-07-01',
      '2025-07-31',
      "(title LIKE '%积水%' OR content LIKE '%积水%')",
    );
    expect(flood?.count).toBeLessThanOrEqual(containing);
    expect(flood?.count).toBeGreaterThanOrEqual(0.8 * containing);
  });

  it('finds the wage arrears before the Spring Festival', async () => {
    const words = await hot('from=2025-01-01&to=2025-01-28');
    expect(words.words.slice(0, 5).some((w) => /工资|欠薪|讨薪/.test(w.term))).toBe(true);
  });

  it('finds little in a month with no planted signal, and no place names anywhere', async () => {
    const march = await hot('from=2025-03-01&to=2025-03-31');
    expect(march.words.length).toBeLessThanOrEqual(3);
    expect(march.frequent.length).toBeGreaterThan(10);
    const names = await query<{ name: string }>(warehouse.config, 'SELECT name FROM regions');
    const placeNames = new Set(names.map((n) => n.name));
    const july = await hot('from=2025-07-01&to=2025-07-31');
    for (const term of [...july.words.map((w) => w.term), ...march.frequent.map((f) => f.term)]) {
      expect(placeNames.has(term)).toBe(false);
      expect(term).not.toMatch(/(区|县|街道|镇|路|小区)$/);
    }
  });

  it('follows the global filters: a district', async () => {
    const words = await hot('from=2025-07-01&to=2025-07-31&region=511502');
    expect(words.period.tickets).toBe(
      await ticketCount('2025-07-01', '2025-07-31', 'county_code = $3', ['511502']),
    );
    expect(words.period.tickets).toBeGreaterThan(0);
  });

  it('answers a bad filter with 400 and an empty period with no words', async () => {
    const bad = await GET(
      signedRequest('http://localhost/api/hot-words?from=2025-07-01&to=2025-07-31&region=xx'),
    );
    expect(bad.status).toBe(400);
    const empty = await hot('from=2030-01-01&to=2030-01-31');
    expect(empty).toMatchObject({ available: true, words: [], frequent: [], period: { tickets: 0 } });
  });
});

describe('the text filter q', () => {
  it('selects the tickets whose title or content contains the words', async () => {
    const response = await getTickets(
      signedRequest(
        `http://localhost/api/tickets?from=2025-07-01&to=2025-07-31&q=${encodeURIComponent('积水')}`,
      ),
    );
    expect(response.status).toBe(200);
    const list = (await response.json()) as TicketList;
    expect(list.total).toBe(
      await ticketCount('2025-07-01', '2025-07-31', "(title LIKE '%积水%' OR content LIKE '%积水%')"),
    );
    expect(list.total).toBeGreaterThan(0);
  });

  it('takes % and _ literally', async () => {
    const response = await getTickets(
      signedRequest('http://localhost/api/tickets?from=2024-01-01&to=2025-12-31&q=%25_'),
    );
    expect(((await response.json()) as TicketList).total).toBe(
      await ticketCount('2024-01-01', '2025-12-31', "(contains(title, '%_') OR contains(content, '%_'))"),
    );
  });

  it('is refused with a reason by views that read the rollups', async () => {
    const response = await getVolume(signedRequest('http://localhost/api/volume-trend?q=%E7%A7%AF%E6%B0%B4'));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('"q"');
  });
});
