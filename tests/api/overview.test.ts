import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as categoryShares } from '../../app/api/category-shares/route';
import { GET as channelMix } from '../../app/api/channel-mix/route';
import { GET as dataQuality } from '../../app/api/data-quality/route';
import { GET as districtRanking } from '../../app/api/district-ranking/route';
import { GET as filterOptions } from '../../app/api/filter-options/route';
import { GET as kpis } from '../../app/api/kpis/route';
import { GET as volumeTrend } from '../../app/api/volume-trend/route';
import type { CategoryShares } from '../../lib/queries/category-shares';
import type { ChannelMixRow } from '../../lib/queries/channel-mix';
import type { DataQualityNotes } from '../../lib/queries/data-quality';
import type { DistrictRankingRow } from '../../lib/queries/district-ranking';
import type { FilterOptions } from '../../lib/queries/filter-options';
import type { OverviewKpis } from '../../lib/queries/overview-kpis';
import type { VolumeTrendPoint } from '../../lib/queries/volume-trend';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { signedRequest } from '../support/session';
import { query } from '../support/warehouse';

/**
 * The overview's API routes on the sample warehouse, called as Next calls them: figures against independent
 * queries on `tickets` (the routes read the rollup), and hostile input answered with 400 and a message.
 */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('api-overview');
}, 180_000);
afterAll(() => warehouse?.cleanup());

type Handler = (request: Request) => Promise<Response>;
const ROUTES: Record<string, Handler> = {
  kpis,
  'volume-trend': volumeTrend,
  'category-shares': categoryShares,
  'district-ranking': districtRanking,
  'channel-mix': channelMix,
  'data-quality': dataQuality,
};

async function get<T>(handler: Handler, params: string): Promise<T> {
  const response = await handler(signedRequest(`http://localhost/api/x?${params}`));
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

const ticketsWhere = (from: string, to: string, extra = '') =>
  `received_at >= DATE '${from}' AND received_at < DATE '${to}' + 1 ${extra}`;

async function sqlCount(where: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    warehouse.config,
    `SELECT count(*)::INTEGER AS n FROM tickets WHERE ${where}`,
  );
  return row?.n ?? -1;
}

describe('overview routes', () => {
  it('KPIs: the range, the month before and the same month last year, each counted from tickets', async () => {
    const result = await get<OverviewKpis>(kpis, 'from=2025-03-01&to=2025-03-31&channel=12345热线');
    expect(result.ranges).toEqual({
      current: { from: '2025-03-01', to: '2025-03-31' },
      previous: { from: '2025-02-01', to: '2025-02-28' },
      lastYear: { from: '2024-03-01', to: '2024-03-31' },
    });
    const channel = "AND channel = '12345热线'";
    expect(result.current.appeals).toBe(await sqlCount(ticketsWhere('2025-03-01', '2025-03-31', channel)));
    expect(result.previous.appeals).toBe(await sqlCount(ticketsWhere('2025-02-01', '2025-02-28', channel)));
    expect(result.lastYear.appeals).toBe(await sqlCount(ticketsWhere('2024-03-01', '2024-03-31', channel)));
    const [rates] = await query<{ overdue: number; returned: number }>(
      warehouse.config,
      `SELECT count(*) FILTER (WHERE overdue)::INTEGER AS overdue, count(*) FILTER (WHERE returned) / count(returned) AS returned
       FROM tickets WHERE ${ticketsWhere('2025-03-01', '2025-03-31', channel)}`,
    );
    expect(result.current.overdueCount).toBe(rates?.overdue);
    expect(result.current.returnRate).toBeCloseTo(rates?.returned ?? -1, 12);
  });

  it('KPIs of a street (from the detailed rollup in one scan): counts, rates and median against tickets', async () => {
    const [street] = await query<{ code: string }>(
      warehouse.config,
      'SELECT town_code AS code FROM tickets WHERE town_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
    );
    const result = await get<OverviewKpis>(kpis, `from=2025-01-01&to=2025-06-30&region=${street!.code}`);
    const where = (from: string, to: string) => ticketsWhere(from, to, `AND town_code = '${street!.code}'`);
    expect(result.current.appeals).toBeGreaterThan(100);
    expect(result.current.appeals).toBe(await sqlCount(where('2025-01-01', '2025-06-30')));
    expect(result.lastYear.appeals).toBe(await sqlCount(where('2024-01-01', '2024-06-30')));
    const [exact] = await query<{ overdue: number; satisfied: number; median: number }>(
      warehouse.config,
      `SELECT count(*) FILTER (WHERE overdue)::INTEGER AS overdue,
              count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied')) / count(satisfaction)
                AS satisfied,
              quantile_disc(handling_hours, 0.5) FILTER (WHERE handling_hours >= 0) AS median
       FROM tickets WHERE ${where('2025-01-01', '2025-06-30')}`,
    );
    expect(result.current.overdueCount).toBe(exact?.overdue);
    expect(result.current.satisfactionRate).toBeCloseTo(exact?.satisfied ?? -1, 12);
    // The median from handling-time buckets lies in the bucket of the ⌈n/2⌉-th time: within 1/8 on the log scale.
    const median = result.current.medianHandlingHours ?? -1;
    expect(Math.abs(Math.log1p(median) - Math.log1p(exact?.median ?? 0))).toBeLessThanOrEqual(1 / 8 + 1e-9);
  });

  it('volume trend: every week of the range, last year 52 weeks earlier, totals equal to tickets', async () => {
    const points = await get<VolumeTrendPoint[]>(volumeTrend, 'from=2025-06-02&to=2025-08-31&grain=week');
    expect(points.map((p) => p.period)).toEqual(
      Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2025, 5, 2 + 7 * i)).toISOString().slice(0, 10)),
    );
    expect(points.reduce((s, p) => s + p.tickets, 0)).toBe(
      await sqlCount(ticketsWhere('2025-06-02', '2025-08-31')),
    );
    // 364 days earlier: 2024-06-03 (a Monday) to 2024-09-01.
    expect(points.reduce((s, p) => s + p.lastYear, 0)).toBe(
      await sqlCount(ticketsWhere('2024-06-03', '2024-09-01')),
    );
  });

  it('category shares add up to the appeals, and rising categories really rose', async () => {
    const shares = await get<CategoryShares>(categoryShares, 'from=2025-07-01&to=2025-07-31');
    expect(shares.rows.reduce((s, r) => s + r.tickets, 0)).toBe(
      await sqlCount(ticketsWhere('2025-07-01', '2025-07-31')),
    );
    expect(shares.rising.length).toBeGreaterThan(0);
    for (const rising of shares.rising) {
      const l2 = `AND category_l2 = '${rising.l2}'`;
      expect(rising.tickets).toBe(await sqlCount(ticketsWhere('2025-07-01', '2025-07-31', l2)));
      expect(rising.previous).toBe(await sqlCount(ticketsWhere('2025-06-01', '2025-06-30', l2)));
      expect(rising.change).toBeGreaterThan(0);
    }
  });

  it('district ranking lists the streets of a district, and per 10,000 only where the population is known', async () => {
    const rows = await get<DistrictRankingRow[]>(
      districtRanking,
      'from=2025-01-01&to=2025-12-31&region=511502',
    );
    expect(rows.every((r) => r.code === null || r.code.startsWith('511502'))).toBe(true);
    expect(rows.reduce((s, r) => s + r.tickets, 0)).toBe(
      await sqlCount(ticketsWhere('2025-01-01', '2025-12-31', "AND county_code = '511502'")),
    );
    const districts = await get<DistrictRankingRow[]>(districtRanking, 'from=2025-01-01&to=2025-12-31');
    const cuiping = districts.find((r) => r.code === '511502');
    expect(cuiping?.per10k).toBeCloseTo(((cuiping?.tickets ?? 0) * 10_000) / (cuiping?.population ?? 1), 9);
    expect(districts.filter((r) => r.population === null).every((r) => r.per10k === null)).toBe(true);
  });

  it('channel mix and data-quality notes count the same tickets', async () => {
    const mix = await get<ChannelMixRow[]>(channelMix, 'from=2024-01-01&to=2025-12-31');
    const quality = await get<DataQualityNotes>(dataQuality, 'from=2024-01-01&to=2025-12-31');
    const total = await sqlCount(ticketsWhere('2024-01-01', '2025-12-31'));
    expect(mix.reduce((s, r) => s + r.tickets, 0)).toBe(total);
    expect(quality.tickets).toBe(total);
    expect(quality.stillOpen).toBe(
      await sqlCount(`${ticketsWhere('2024-01-01', '2025-12-31')} AND status NOT IN ('closed', 'cancelled')`),
    );
  });

  it('filter options offer only values present in the data', async () => {
    const options = await get<FilterOptions>(filterOptions, '');
    expect(options.span).toEqual({ firstDay: '2024-01-01', lastDay: '2025-12-31' });
    const channels = await query<{ channel: string }>(
      warehouse.config,
      'SELECT DISTINCT channel FROM tickets',
    );
    expect(options.channels.map((c) => c.code).sort()).toEqual(channels.map((c) => c.channel).sort());
    expect(options.regions.filter((r) => r.level === 3)).toHaveLength(10);
  });

  it('answers an empty range with zeros and no-data rates, not errors', async () => {
    const result = await get<OverviewKpis>(kpis, 'from=2019-01-01&to=2019-01-31');
    expect(result.current.appeals).toBe(0);
    expect(result.current.satisfactionRate).toBeNull();
    expect(result.current.medianHandlingHours).toBeNull();
    const unknown = await get<CategoryShares>(
      categoryShares,
      'from=2025-01-01&to=2025-01-31&category=9999&dept=nobody',
    );
    expect(unknown.rows).toEqual([]);
  });

  it.each(Object.entries(ROUTES))(
    '%s answers hostile input with 400 and a message, and leaves the data alone',
    async (_name, handler) => {
      const hostile = [
        [
          'channel=%27%20OR%201%3D1%20--&from=2025-01-01&to=2025-01-31&region=1; DROP TABLE tickets',
          '"region"',
        ],
        ['category=01%27%3B%20DROP%20TABLE%20tickets%3B--', '"category"'],
        ['from=0001-01-01&to=9999-12-31', 'at most'],
        ['from=2025-02-30&to=2025-03-01', 'calendar date'],
        ['from=2025-03-01&to=2025-02-01', '"from" must not be after "to"'],
        ['type=everything', '"type"'],
        ['drop=tickets', 'unknown parameter "drop"'],
        ['dept=%00', 'control characters'],
      ] as const;
      for (const [params, message] of hostile) {
        const response = await handler(signedRequest(`http://localhost/api/x?${params}`));
        expect(response.status, params).toBe(400);
        const body = (await response.json()) as { error: string };
        expect(body.error).toContain(message);
        expect(body.error).not.toMatch(/at .*\.ts:\d+/);
      }
      // A hostile string that is a valid label is just a value that matches nothing.
      const response = await handler(signedRequest("http://localhost/api/x?dept=x'%20OR%20'1'%3D'1"));
      expect(response.status).toBe(200);
      expect(await sqlCount('true')).toBeGreaterThan(20_000);
    },
  );

  it('rejects an unknown granularity', async () => {
    const response = await volumeTrend(signedRequest('http://localhost/api/volume-trend?grain=hour'));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('"grain"');
  });
});
