import { randomBytes } from 'node:crypto';
import { tableFromIPC } from 'apache-arrow';
import { sealData } from 'iron-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as auditTrail } from '../../app/api/admin/audit/route';
import { POST as signInRoute } from '../../app/api/auth/signin/route';
import { GET as briefing } from '../../app/api/briefing/[month]/route';
import { GET as categoryShares } from '../../app/api/category-shares/route';
import { GET as departments } from '../../app/api/departments/route';
import { GET as districtRanking } from '../../app/api/district-ranking/route';
import { GET as filterOptions } from '../../app/api/filter-options/route';
import { GET as forecasts } from '../../app/api/forecasts/route';
import { GET as bouncePairs } from '../../app/api/handling/bounce-pairs/route';
import { GET as handlingRates } from '../../app/api/handling/rates/route';
import { GET as handlingUnits } from '../../app/api/handling/units/route';
import { GET as kpis } from '../../app/api/kpis/route';
import { GET as hexagons } from '../../app/api/map/hexagons/route';
import { GET as hotspots } from '../../app/api/map/hotspots/route';
import { GET as place } from '../../app/api/map/place/route';
import { GET as points } from '../../app/api/map/points/route';
import { GET as mapRegions } from '../../app/api/map/regions/route';
import { GET as metricTrend } from '../../app/api/metric-trend/route';
import { GET as impact } from '../../app/api/planning/impact/route';
import { GET as ticketExport } from '../../app/api/tickets/export/route';
import { GET as tickets } from '../../app/api/tickets/route';
import { changeAccount, setPassword } from '../../lib/auth/accounts';
import { sessionCookie } from '../../lib/auth/session';
import { loadAuthSettings } from '../../lib/auth/settings';
import type { FilterOptions } from '../../lib/queries/filter-options';
import type { HandlingRateRow } from '../../lib/queries/handling-rates';
import type { UnitClosureQuality } from '../../lib/queries/handling-units';
import type { PlaceSummary } from '../../lib/queries/map-place';
import type { MetricTrend } from '../../lib/queries/metric-trend';
import type { OverviewKpis } from '../../lib/queries/overview-kpis';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { signedRequest, signIn, type TestAccount } from '../support/session';
import { query } from '../support/warehouse';

/**
 * Every role against the real routes on the sample city, including what a hostile user would try: no cookie, a
 * tampered or foreign one, a disabled account, filters that widen the scope, ids of other places in the URL.
 */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;
const YEAR = 'from=2025-01-01&to=2025-12-31';
const OWN = '511502';
const OTHER = '511503';
let department: string;
let otherDepartment: string;
const as: Record<string, TestAccount> = {};

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('api-access', { analytics: ['hotspots', 'handling'] });
  const depts = await query<{ department: string }>(
    warehouse.config,
    `SELECT department FROM tickets WHERE department IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`,
  );
  department = depts[0]!.department;
  otherDepartment = depts[1]!.department;
  as.leadership = await signIn('leadership');
  as.analyst = await signIn('analyst');
  as.office = await signIn('office', { region: OWN });
  as.department = await signIn('department', { department });
  as.admin = await signIn('admin');
}, 240_000);
afterAll(() => warehouse?.cleanup());

type Handler = (request: Request) => Promise<Response>;
const call = (handler: Handler, path: string, who: TestAccount | null, init: RequestInit = {}) =>
  handler(
    who
      ? signedRequest(`http://localhost${path}`, init, who.cookie)
      : new Request(`http://localhost${path}`, init),
  );
const json = async <T>(response: Response): Promise<T> => {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
};
const sqlCount = async (where: string, params: unknown[] = []) =>
  (
    await query<{ n: number }>(
      warehouse.config,
      `SELECT count(*)::INTEGER AS n FROM tickets
       WHERE received_at >= DATE '2025-01-01' AND received_at < DATE '2026-01-01' AND ${where}`,
      params,
    )
  )[0]!.n;

describe('without a valid session', () => {
  it('answers 401 with no cookie, a tampered cookie, a cookie sealed with another key, or an expired one', async () => {
    const settings = loadAuthSettings();
    const sealed = as.analyst!.cookie;
    const tampered = `${sealed.slice(0, -4)}${sealed.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    const foreign = `hotline_session=${await sealData({ u: 'analyst', v: 1, iat: Date.now() }, { password: randomBytes(32).toString('hex') })}`;
    const forged = `hotline_session=${JSON.stringify({ u: 'admin', v: 1, iat: Date.now() })}`;
    const old = (
      await sessionCookie({ username: 'analyst', version: 1 }, settings, new Date(Date.now() - 9 * 3_600_000))
    ).split(';')[0] as string;
    for (const cookie of [null, tampered, foreign, forged, old]) {
      const response = await call(
        kpis,
        `/api/kpis?${YEAR}`,
        cookie === null ? null : { ...as.analyst!, cookie },
      );
      expect(response.status, cookie ?? 'no cookie').toBe(401);
    }
    expect((await call(kpis, `/api/kpis?${YEAR}`, as.analyst!)).status).toBe(200);
  });

  it('ends the sessions of an account that is disabled or whose password changed', async () => {
    const file = loadAuthSettings().accountsPath;
    const victim = await signIn('analyst', {}, 'leaver');
    expect((await call(kpis, `/api/kpis?${YEAR}`, victim)).status).toBe(200);
    await changeAccount(file, 'leaver', { disabled: true }, 'admin');
    expect((await call(kpis, `/api/kpis?${YEAR}`, victim)).status).toBe(401);
    const moved = await signIn('analyst', {}, 'mover');
    await setPassword(file, 'mover', 'a-brand-new-password', 'mover');
    expect((await call(kpis, `/api/kpis?${YEAR}`, moved)).status).toBe(401);
  });
});

describe('leadership: aggregates only', () => {
  it('is refused ticket lists, exports and single ticket points', async () => {
    for (const [handler, path] of [
      [tickets, `/api/tickets?${YEAR}`],
      [ticketExport, `/api/tickets/export?${YEAR}&format=csv`],
      [points, `/api/map/points?${YEAR}&bbox=104.5,28.7,104.7,28.9&zoom=15`],
    ] as [Handler, string][]) {
      const response = await call(handler, path, as.leadership!);
      expect(response.status, path).toBe(403);
      expect(((await response.json()) as { error: string }).error).toContain('aggregates only');
    }
  });

  it('sees counts below three as "<3" where an analyst sees the number', async () => {
    const [small] = await query<{ town: string; day: string; n: number }>(
      warehouse.config,
      `SELECT town_code AS town, strftime(received_at::DATE, '%Y-%m-%d') AS day, count(*)::INTEGER AS n
       FROM tickets WHERE town_code IS NOT NULL GROUP BY 1, 2 HAVING count(*) BETWEEN 1 AND 2 ORDER BY 2, 1 LIMIT 1`,
    );
    const path = `/api/kpis?from=${small!.day}&to=${small!.day}&region=${small!.town}`;
    expect((await json<OverviewKpis>(await call(kpis, path, as.analyst!))).current.appeals).toBe(small!.n);
    const leader = await json<{ current: { appeals: unknown; resolvedRate: unknown } }>(
      await call(kpis, path, as.leadership!),
    );
    expect(leader.current.appeals).toBe('<3');
  });

  it('gets no rise that would give back a suppressed month before ("<3" and no change)', async () => {
    // A category that rose from one or two appeals in a district's month before: the analyst's answer finds it.
    const districts = await query<{ code: string }>(
      warehouse.config,
      `SELECT code FROM regions WHERE level = 3 ORDER BY code`,
    );
    type Rising = { l2: string; tickets: unknown; previous: unknown; change: unknown; changeRate: unknown };
    let found: { path: string; row: Rising } | undefined;
    for (let month = 1; month <= 12 && !found; month++) {
      const from = `2025-${String(month).padStart(2, '0')}-01`;
      const to = new Date(Date.UTC(2025, month, 0)).toISOString().slice(0, 10);
      for (const { code } of districts) {
        const path = `/api/category-shares?from=${from}&to=${to}&region=${code}`;
        const answer = await json<{ rising: Rising[] }>(await call(categoryShares, path, as.analyst!));
        const row = answer.rising.find((r) => r.previous === 1 || r.previous === 2);
        if (row) {
          found = { path, row };
          break;
        }
      }
    }
    expect(found, 'a district month with a rise from one or two').toBeDefined();
    const leader = await json<{ rising: Rising[] }>(await call(categoryShares, found!.path, as.leadership!));
    expect(leader.rising.find((r) => r.l2 === found!.row.l2)).toEqual({
      ...found!.row,
      previous: '<3',
      change: null,
      changeRate: null,
    });
    // Rises from counts both shown keep their figures.
    const shown = leader.rising.filter((r) => typeof r.previous === 'number' && r.previous !== 0);
    for (const r of shown) expect(r.change).toBe((r.tickets as number) - (r.previous as number));
  });

  it('gets no rate per 10,000 residents beside a suppressed count (district ranking, map regions)', async () => {
    // A district with a known population and one or two appeals on one day: per10k × population would give it back.
    const [small] = await query<{ county: string; day: string; n: number }>(
      warehouse.config,
      `SELECT t.county_code AS county, strftime(t.received_at::DATE, '%Y-%m-%d') AS day, count(*)::INTEGER AS n
       FROM tickets t JOIN regions r ON r.code = t.county_code
       WHERE r.population > 0 AND t.received_at >= DATE '2025-01-01'
       GROUP BY 1, 2 HAVING count(*) BETWEEN 1 AND 2 ORDER BY 2, 1 LIMIT 1`,
    );
    expect(small, 'a district day with one or two appeals').toBeDefined();
    type Row = { code: string | null; tickets: unknown; population: number | null; per10k: unknown };
    const range = `from=${small!.day}&to=${small!.day}`;
    const views: [Handler, string, (answer: unknown) => Row[]][] = [
      [districtRanking, `/api/district-ranking?${range}`, (answer) => answer as Row[]],
      [mapRegions, `/api/map/regions?${range}`, (answer) => (answer as { rows: Row[] }).rows],
    ];
    for (const [handler, path, rowsOf] of views) {
      const analyst = rowsOf(await json(await call(handler, path, as.analyst!)));
      const leader = rowsOf(await json(await call(handler, path, as.leadership!)));
      const shown = analyst.find((r) => r.code === small!.county);
      expect(shown?.tickets, path).toBe(small!.n);
      expect(shown?.per10k, path).toBeCloseTo((small!.n * 10_000) / shown!.population!, 9);
      expect(leader.find((r) => r.code === small!.county)).toEqual({ ...shown, tickets: '<3', per10k: null });
      // A count that is shown keeps its rate.
      for (const row of leader.filter((r) => typeof r.tickets === 'number' && r.population))
        expect(row.per10k, `${path} ${row.code}`).toBe(analyst.find((r) => r.code === row.code)!.per10k);
    }
  });

  it('gets no handling rate beside a suppressed count that the rate and its denominator would give back', async () => {
    const small = (value: unknown) => value === 1 || value === 2;
    const ratesPath = `/api/handling/rates?${YEAR}&by=category`;
    const rates = await json<HandlingRateRow[]>(await call(handlingRates, ratesPath, as.analyst!));
    const rate = rates.find(
      (r) =>
        (small(r.multiUnit) && r.multiUnitRate !== null) ||
        (small(r.redispatched) && r.redispatchRate !== null),
    );
    expect(rate, 'a category with one or two multi-unit or re-dispatched tickets').toBeDefined();
    expect(rate!.multiUnitRate).toBe(rate!.multiUnit / rate!.tickets);
    const leaderRates = await json<Record<string, unknown>[]>(
      await call(handlingRates, ratesPath, as.leadership!),
    );
    expect(leaderRates.find((r) => r.key === rate!.key)).toMatchObject({
      redispatchRate: null,
      multiUnitRate: null,
    });

    const unitsPath = `/api/handling/units?${YEAR}`;
    const units = await json<UnitClosureQuality[]>(await call(handlingUnits, unitsPath, as.analyst!));
    const unit = units.find(
      (u) =>
        (small(u.reopened) && u.reopenedAfterClosureRate !== null) ||
        (small(u.closedFast) && u.fastClosureShare !== null),
    );
    expect(unit, 'a unit with one or two reopened or fast closures').toBeDefined();
    const leaderUnits = await json<Record<string, unknown>[]>(
      await call(handlingUnits, unitsPath, as.leadership!),
    );
    expect(leaderUnits.find((u) => u.unit === unit!.unit)).toMatchObject({
      reopenedAfterClosureRate: null,
      fastClosureShare: null,
      satisfiedButReopenedShare: null,
    });
  });

  it('gets no average dispatches beside a suppressed number of bounced tickets', async () => {
    const path = `/api/handling/bounce-pairs?${YEAR}`;
    type Pair = { unitA: string; unitB: string; bouncedTickets: unknown; averageDispatches: unknown };
    const analyst = await json<Pair[]>(await call(bouncePairs, path, as.analyst!));
    const small = analyst.find((p) => p.bouncedTickets === 2 && p.averageDispatches !== null);
    expect(small, 'a pair of units with two bounced tickets').toBeDefined();
    const leader = await json<Pair[]>(await call(bouncePairs, path, as.leadership!));
    const same = (p: Pair) => p.unitA === small!.unitA && p.unitB === small!.unitB;
    expect(leader.find(same)).toMatchObject({ bouncedTickets: '<3', averageDispatches: null });
    const shown = leader.filter((p) => typeof p.bouncedTickets === 'number');
    expect(shown.length).toBeGreaterThan(0);
    for (const p of shown) expect(typeof p.averageDispatches, `${p.unitA}–${p.unitB}`).toBe('number');
  });

  it('gets no share in a trend over a suppressed number of tickets (n "<3", value null)', async () => {
    const path =
      '/api/metric-trend?from=2025-06-01&to=2025-06-30&metric=satisfactionRate&grain=day&split=district';
    const analyst = await json<MetricTrend>(await call(metricTrend, path, as.analyst!));
    const small = analyst.series
      .flatMap((s) => s.points.map((p) => ({ key: s.key, ...p })))
      .find((p) => (p.n === 1 || p.n === 2) && p.value !== null);
    expect(small, 'a district day with one or two rated tickets').toBeDefined();
    type Point = { period: string; n: unknown; value: unknown };
    const leader = await json<{ series: { key: string; points: Point[] }[] }>(
      await call(metricTrend, path, as.leadership!),
    );
    const point = leader.series
      .find((s) => s.key === small!.key)!
      .points.find((p) => p.period === small!.period);
    expect(point).toMatchObject({ n: '<3', value: null });
    // The Arrow rows of the same trend: null for both.
    const arrow = await call(metricTrend, path, as.leadership!, {
      headers: { accept: 'application/vnd.apache.arrow.stream' },
    });
    const rows = tableFromIPC(new Uint8Array(await arrow.arrayBuffer())).toArray();
    const row = rows.find((r) => r.key === small!.key && r.period === small!.period);
    expect({ n: row?.n, value: row?.value }).toEqual({ n: null, value: null });
    expect(rows.some((r) => r.n >= 3 && typeof r.value === 'number')).toBe(true);
    // A share over three or more tickets is shown.
    const shown = leader.series.flatMap((s) => s.points).filter((p) => typeof p.n === 'number' && p.n >= 3);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((p) => typeof p.value === 'number')).toBe(true);
  });

  it('gets a trend series\' appeals in the range as "<3" when they are one or two', async () => {
    // The busiest day and category split by district (twelve at most, all of them) with a district of one or two.
    const [day] = await query<{ day: string; category: string }>(
      warehouse.config,
      `SELECT day, category FROM (
         SELECT strftime(received_at::DATE, '%Y-%m-%d') AS day, category_l1 AS category, count(*) AS n,
                sum(count(*)) OVER (PARTITION BY day, category) AS appeals
         FROM tickets WHERE county_code IS NOT NULL AND category_l1 IS NOT NULL AND received_at >= DATE '2025-06-01'
         GROUP BY 1, 2, county_code)
       WHERE n BETWEEN 1 AND 2 ORDER BY appeals DESC, day, category LIMIT 1`,
    );
    expect(day, 'a district with one or two appeals of a category in a day').toBeDefined();
    const path = `/api/metric-trend?from=${day!.day}&to=${day!.day}&category=${day!.category}&metric=appeals&grain=day&split=district&top=12`;
    const analyst = await json<MetricTrend>(await call(metricTrend, path, as.analyst!));
    const small = analyst.series.find((s) => s.total === 1 || s.total === 2);
    expect(small, 'a district series with one or two appeals').toBeDefined();
    const leader = await json<{ series: { key: string; total: unknown }[] }>(
      await call(metricTrend, path, as.leadership!),
    );
    expect(leader.series.find((s) => s.key === small!.key)?.total).toBe('<3');
    expect(leader.series.some((s) => typeof s.total === 'number' && s.total >= 3)).toBe(true);
  });

  it('gets no KPI rate beside one or two appeals, and keeps the rates beside a suppressed overdue count', async () => {
    // A street-day with one or two appeals: a rate over them is 0, ½ or 1, which would give the count back.
    const [small] = await query<{ town: string; day: string }>(
      warehouse.config,
      `SELECT town_code AS town, strftime(received_at::DATE, '%Y-%m-%d') AS day
       FROM tickets WHERE town_code IS NOT NULL AND received_at >= DATE '2025-01-01'
       GROUP BY 1, 2 HAVING count(*) BETWEEN 1 AND 2 AND count(resolved) > 0 ORDER BY 2, 1 LIMIT 1`,
    );
    expect(small, 'a street day with one or two appeals, resolution known').toBeDefined();
    const path = `/api/kpis?from=${small!.day}&to=${small!.day}&region=${small!.town}`;
    const analyst = await json<OverviewKpis>(await call(kpis, path, as.analyst!));
    expect(analyst.current.resolvedRate).not.toBeNull();
    const leader = await json<{ current: Record<string, unknown> }>(await call(kpis, path, as.leadership!));
    expect(leader.current).toMatchObject({ appeals: '<3', resolvedRate: null, satisfactionRate: null });
    expect(leader.current.medianHandlingHours).toBe(analyst.current.medianHandlingHours);

    // A month of the city: many appeals, so its rates stay even when the overdue count is small.
    const month = await json<OverviewKpis>(await call(kpis, `/api/kpis?${YEAR}`, as.leadership!));
    expect(typeof month.current.appeals).toBe('number');
    expect(month.current.resolvedRate).not.toBeNull();
  });

  it('gets no department score, complexity or rate beside one or two appeals, and no score change', async () => {
    const [small] = await query<{ department: string }>(
      warehouse.config,
      `SELECT department FROM tickets
       WHERE department IS NOT NULL AND received_at >= DATE '2025-06-01' AND received_at < DATE '2025-07-01'
       GROUP BY 1 HAVING count(*) BETWEEN 1 AND 2 ORDER BY 1 LIMIT 1`,
    );
    expect(small, 'a department with one or two appeals in June 2025').toBeDefined();
    const path = '/api/departments?from=2025-06-01&to=2025-06-30';
    type Row = { department: string; current: Record<string, unknown>; scoreChange: unknown };
    const analyst = await json<{ rows: Row[] }>(await call(departments, path, as.analyst!));
    const leader = await json<{ rows: Row[] }>(await call(departments, path, as.leadership!));
    const exact = analyst.rows.find((r) => r.department === small!.department)!;
    expect(exact.current.complexity).toBeGreaterThanOrEqual(1);
    expect(typeof exact.current.score).toBe('number');
    const hidden = leader.rows.find((r) => r.department === small!.department)!;
    expect(hidden.current).toMatchObject({
      tickets: '<3',
      complexity: null,
      complexityHandledWell: null,
      score: null,
    });
    expect(hidden.current.medianHandlingHours).toBe(exact.current.medianHandlingHours);
    expect(hidden.scoreChange).toBeNull();
    // A large department with a suppressed overdue count keeps its score.
    const large = leader.rows.filter(
      (r) => typeof r.current.tickets === 'number' && r.current.overdue === '<3',
    );
    expect(large.length, 'a department with many appeals and one or two overdue').toBeGreaterThan(0);
    for (const row of large) expect(typeof row.current.score, row.department).toBe('number');
  });

  it('gets a place panel without its recent tickets and hotspot evidence without sample texts', async () => {
    const path = `/api/map/place?${YEAR}&region=${OWN}`;
    const analyst = await json<PlaceSummary>(await call(place, path, as.analyst!));
    const leader = await json<PlaceSummary>(await call(place, path, as.leadership!));
    expect(analyst.recent.length).toBeGreaterThan(0);
    expect(leader.recent).toEqual([]);
    expect(leader.tickets).toBe(analyst.tickets);
    type Ranked = { available: true; ranked: { samples: string[] }[] };
    const analystHotspots = await json<Ranked>(
      await call(hotspots, `/api/map/hotspots?${YEAR}`, as.analyst!),
    );
    const leaderHotspots = await json<Ranked>(
      await call(hotspots, `/api/map/hotspots?${YEAR}`, as.leadership!),
    );
    expect(analystHotspots.ranked.some((h) => h.samples.length > 0)).toBe(true);
    expect(leaderHotspots.ranked.length).toBe(analystHotspots.ranked.length);
    expect(leaderHotspots.ranked.every((h) => h.samples.length === 0)).toBe(true);
  });

  it('gets no hexagon with fewer than three appeals', async () => {
    const path = `/api/map/hexagons?${YEAR}&bbox=103.8,27.9,105.5,29.3&zoom=15`;
    type Hexagons = { rows: { tickets: number }[] };
    const analyst = await json<Hexagons>(await call(hexagons, path, as.analyst!));
    const leader = await json<Hexagons>(await call(hexagons, path, as.leadership!));
    expect(analyst.rows.some((r) => r.tickets < 3)).toBe(true);
    expect(leader.rows.length).toBe(analyst.rows.filter((r) => r.tickets >= 3).length);
    expect(leader.rows.every((r) => r.tickets >= 3)).toBe(true);
  });
});

describe('district office: its own region only', () => {
  it('gets its district’s figures without asking, and exactly those', async () => {
    const own = await json<OverviewKpis>(await call(kpis, `/api/kpis?${YEAR}`, as.office!));
    const asked = await json<OverviewKpis>(await call(kpis, `/api/kpis?${YEAR}&region=${OWN}`, as.analyst!));
    expect(own.current).toEqual(asked.current);
    expect(own.current.appeals).toBe(await sqlCount('county_code = ?', [OWN]));
  });

  it('is refused another district, the city, a street or village of another district, by filter or URL', async () => {
    const [otherTown] = await query<{ code: string }>(
      warehouse.config,
      `SELECT town_code AS code FROM tickets WHERE county_code = '${OTHER}' AND town_code IS NOT NULL LIMIT 1`,
    );
    for (const region of [OTHER, '511500', '510000', otherTown!.code, `${otherTown!.code}001`]) {
      for (const [handler, path] of [
        [kpis, `/api/kpis?${YEAR}&region=${region}`],
        [tickets, `/api/tickets?${YEAR}&region=${region}`],
        [ticketExport, `/api/tickets/export?${YEAR}&region=${region}&format=csv`],
        [forecasts, `/api/forecasts?region=${region}`],
      ] as [Handler, string][]) {
        expect((await call(handler, path, as.office!)).status, path).toBe(403);
      }
    }
    // A repeated parameter is read once (the last); it cannot smuggle a second region past the check.
    expect((await call(kpis, `/api/kpis?${YEAR}&region=${OWN}&region=${OTHER}`, as.office!)).status).toBe(
      403,
    );
  });

  it('lists and exports only its own tickets', async () => {
    const list = await json<{ total: number; rows: { countyCode: string | null }[] }>(
      await call(tickets, `/api/tickets?${YEAR}&pageSize=200`, as.office!),
    );
    expect(list.total).toBe(await sqlCount('county_code = ?', [OWN]));
    expect(list.rows.length).toBe(200);
    expect(list.rows.every((r) => r.countyCode === OWN)).toBe(true);
    const csv = await call(ticketExport, `/api/tickets/export?${YEAR}&format=csv`, as.office!);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(list.total);
  });

  it('is refused the city-wide briefing and a recurring issue picked by id, and sees only its regions as choices', async () => {
    const response = await briefing(
      signedRequest('http://localhost/api/briefing/2025-12?format=docx', {}, as.office!.cookie),
      { params: Promise.resolve({ month: '2025-12' }) },
    );
    expect(response.status).toBe(403);
    expect(
      (await call(impact, '/api/planning/impact?issue=place:0104:x&done=2025-01-01', as.office!)).status,
    ).toBe(403);
    const options = await json<FilterOptions>(
      await call(filterOptions, `/api/filter-options?${YEAR}`, as.office!),
    );
    expect(options.regions.length).toBeGreaterThan(1);
    expect(options.regions.every((r) => r.code.startsWith(OWN))).toBe(true);
  });
});

describe('department: its own tickets and figures only', () => {
  it('gets its own figures, is refused another department and the views not cut by department', async () => {
    const own = await json<OverviewKpis>(await call(kpis, `/api/kpis?${YEAR}`, as.department!));
    expect(own.current.appeals).toBe(await sqlCount('department = ?', [department]));
    const other = `/api/kpis?${YEAR}&dept=${encodeURIComponent(otherDepartment)}`;
    expect((await call(kpis, other, as.department!)).status).toBe(403);
    expect((await call(hotspots, `/api/map/hotspots?${YEAR}`, as.department!)).status).toBe(403);
    expect((await call(forecasts, '/api/forecasts', as.department!)).status).toBe(403);
    const list = await json<{ total: number; rows: { department: string | null }[] }>(
      await call(tickets, `/api/tickets?${YEAR}&pageSize=100`, as.department!),
    );
    expect(list.total).toBe(own.current.appeals);
    expect(list.rows.every((r) => r.department === department)).toBe(true);
  });
});

describe('shared answers', () => {
  it('answers a repeated request from memory, but never one role’s or one scope’s answer to another', async () => {
    const path = `/api/district-ranking?from=2025-06-01&to=2025-06-30`;
    const first = await call(districtRanking, path, as.analyst!);
    const again = await call(
      districtRanking,
      `/api/district-ranking?to=2025-06-30&from=2025-06-01`,
      as.analyst!,
    );
    expect([first.headers.get('x-cache'), again.headers.get('x-cache')]).toEqual(['miss', 'hit']);
    expect(await again.text()).toBe(await first.text());
    const office = await call(districtRanking, path, as.office!);
    expect(office.headers.get('x-cache')).toBe('miss');
    const officeRows = (await office.json()) as { code: string | null }[];
    expect(officeRows.every((r) => r.code === null || r.code.startsWith(OWN))).toBe(true);
    const leader = await call(districtRanking, path, as.leadership!);
    expect(leader.headers.get('x-cache')).toBe('miss');
    // Ticket lists are audited per request and never shared.
    const list = await call(tickets, `/api/tickets?${YEAR}`, as.analyst!);
    expect(list.headers.get('x-cache')).toBeNull();
  });
});

describe('audit trail', () => {
  it('records who viewed which ticket list and exported what, readable by administrators only', async () => {
    const viewer = await signIn('analyst', {}, 'auditee');
    await call(tickets, `/api/tickets?${YEAR}&category=01&page=2`, viewer);
    await call(ticketExport, `/api/tickets/export?${YEAR}&region=${OWN}&format=xlsx`, viewer);
    expect((await call(auditTrail, '/api/admin/audit', as.analyst!)).status).toBe(403);
    type Entry = { actor: string; type: string; subject: string; payload: { query: string; role: string } };
    const entries = await json<Entry[]>(await call(auditTrail, '/api/admin/audit?user=auditee', as.admin!));
    expect(entries.map((e) => [e.type, e.subject])).toEqual([
      ['tickets.exported', '/api/tickets/export'],
      ['tickets.viewed', '/api/tickets'],
    ]);
    expect(entries[1]!.payload.query).toContain('category=01');
    expect(entries[1]!.payload.query).toContain('page=2');
    expect(entries[0]!.payload.query).toContain(`region=${OWN}`);
    // The office's list was recorded with the region the server added, not the (empty) one asked for.
    const office = await json<Entry[]>(
      await call(auditTrail, `/api/admin/audit?user=${as.office!.username}`, as.admin!),
    );
    expect(office.some((e) => e.type === 'tickets.viewed' && e.payload.query.includes(`region=${OWN}`))).toBe(
      true,
    );
    const csv = await call(auditTrail, '/api/admin/audit?format=csv&user=auditee', as.admin!);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('POST /api/auth/signin', () => {
  const form = (
    fields: Record<string, string>,
    headers: Record<string, string> = { origin: 'http://localhost' },
  ) =>
    signInRoute(
      new Request('http://localhost/api/auth/signin', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': '10.0.0.9',
          ...headers,
        },
        body: new URLSearchParams(fields).toString(),
      }),
    );

  it('starts a session for the right password and goes to `next`, but only to a path on this site', async () => {
    const account = await signIn('analyst', {}, 'formuser');
    const ok = await form({ username: 'formuser', password: account.password, next: '/map?region=511502' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/map?region=511502');
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^hotline_session=.+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800; Secure$/);
    expect(
      (await call(kpis, `/api/kpis?${YEAR}`, { ...account, cookie: cookie.split(';')[0]! })).status,
    ).toBe(200);
    const offsite = await form({ username: 'formuser', password: account.password, next: '//evil.example/' });
    expect(offsite.headers.get('location')).toBe('/');
  });

  it('sends a wrong password back to the form, locks after five, and refuses a post from another site', async () => {
    const account = await signIn('analyst', {}, 'guessed');
    const locations = [];
    for (let i = 0; i < 5; i++)
      locations.push((await form({ username: 'guessed', password: `guess-${i}` })).headers.get('location'));
    expect(locations.slice(0, 4).every((l) => l?.includes('error=invalid'))).toBe(true);
    expect(locations[4]).toContain('error=locked');
    const right = await form({ username: 'guessed', password: account.password });
    expect(right.headers.get('location')).toContain('error=locked');
    expect(right.headers.get('set-cookie')).toBeNull();
    expect((await form({ username: 'x', password: 'y' }, { origin: 'http://evil.example' })).status).toBe(
      403,
    );
  });
});
