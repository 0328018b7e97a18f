import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidayOn } from '../../lib/calendar/china-holidays';
import { addDays } from '../../lib/filters/periods';
import { fetchMetricTrend, flattenMetricTrend, type MetricTrend } from '../../lib/queries/metric-trend';
import { periodStarts } from '../../lib/sql/time-grain';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { query } from '../support/warehouse';

/** The Trends view's data against independent SQL on `tickets` (not on the rollup it reads), and the planted signals. */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  seasonalPeaks: { categoryCode: string; peakMonths: number[] }[];
  springFestival: { dates: string[] };
};

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('metric-trend');
}, 180_000);
afterAll(() => warehouse?.cleanup());

const periodSql = (grain: 'week' | 'month') => `strftime(date_trunc('${grain}', received_at), '%Y-%m-%d')`;
const inRange = 'received_at >= ?::DATE AND received_at < ?::DATE + INTERVAL 1 DAY';
const pointsOf = (trend: MetricTrend, key: string) => trend.series.find((s) => s.key === key)?.points ?? [];

describe('fetchMetricTrend against the tickets table', () => {
  it('counts weekly appeals per channel, every week present', async () => {
    const trend = await fetchMetricTrend(
      { from: '2024-01-01', to: '2025-12-31' },
      { metric: 'appeals', grain: 'week', split: 'channel' },
    );
    const exact = await query<{ channel: string; period: string; n: number }>(
      warehouse.config,
      `SELECT channel, ${periodSql('week')} AS period, count(*)::INTEGER AS n FROM tickets WHERE ${inRange} GROUP BY ALL`,
      ['2024-01-01', '2025-12-31'],
    );
    const expected = new Map(exact.map((r) => [`${r.channel}|${r.period}`, r.n]));
    expect(trend.periods).toEqual(periodStarts('week', '2024-01-01', '2025-12-31'));
    expect(trend.series.map((s) => s.key).sort()).toEqual([...new Set(exact.map((r) => r.channel))].sort());
    for (const s of trend.series) {
      expect(s.points.map((p) => p.period)).toEqual(trend.periods);
      for (const p of s.points) {
        expect(p.value).toBe(expected.get(`${s.key}|${p.period}`) ?? 0);
        expect(p.n).toBe(p.value);
      }
      expect(s.total).toBe(s.points.reduce((sum, p) => sum + p.value!, 0));
    }
  });

  it('computes the monthly satisfaction rate of one category with its rated count as n', async () => {
    const trend = await fetchMetricTrend(
      { from: '2024-01-01', to: '2025-12-31', category: '02' },
      { metric: 'satisfactionRate', grain: 'month', split: 'none' },
    );
    const exact = await query<{ period: string; satisfied: number; rated: number }>(
      warehouse.config,
      `SELECT ${periodSql('month')} AS period,
              count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied'))::INTEGER AS satisfied,
              count(satisfaction)::INTEGER AS rated
       FROM tickets WHERE category_l1 = '02' AND ${inRange} GROUP BY 1`,
      ['2024-01-01', '2025-12-31'],
    );
    const byMonth = new Map(exact.map((r) => [r.period, r]));
    const points = pointsOf(trend, '__all__');
    expect(points).toHaveLength(24);
    expect(exact.some((r) => r.rated > 0)).toBe(true);
    for (const p of points) {
      const row = byMonth.get(p.period);
      expect(p.n).toBe(row?.rated ?? 0);
      if (!row?.rated) expect(p.value).toBeNull();
      else expect(p.value).toBeCloseTo(row.satisfied / row.rated, 12);
    }
  });

  it('keeps the top N districts by appeals and folds the rest into one series that adds up', async () => {
    const filters = { from: '2025-01-01', to: '2025-06-30' };
    const trend = await fetchMetricTrend(filters, {
      metric: 'appeals',
      grain: 'week',
      split: 'district',
      top: 3,
    });
    const ranked = await query<{ code: string | null; n: number }>(
      warehouse.config,
      `SELECT county_code AS code, count(*)::INTEGER AS n FROM tickets WHERE ${inRange}
       GROUP BY 1 ORDER BY n DESC, code`,
      [filters.from, filters.to],
    );
    const names = await query<{ code: string; name: string }>(
      warehouse.config,
      `SELECT code, name FROM regions WHERE code IN (${ranked
        .slice(0, 3)
        .map(() => '?')
        .join(', ')})`,
      ranked.slice(0, 3).map((r) => r.code),
    );
    expect(trend.series.map((s) => s.key)).toEqual([...ranked.slice(0, 3).map((r) => r.code), '__other__']);
    expect(trend.series.slice(0, 3).map((s) => s.name)).toEqual(
      ranked.slice(0, 3).map((r) => names.find((n) => n.code === r.code)?.name),
    );
    expect(trend.series[3]!.total).toBe(ranked.slice(3).reduce((sum, r) => sum + r.n, 0));
    const total = ranked.reduce((sum, r) => sum + r.n, 0);
    expect(trend.series.reduce((sum, s) => sum + s.total, 0)).toBe(total);
    const weekly = await query<{ period: string; n: number }>(
      warehouse.config,
      `SELECT ${periodSql('week')} AS period, count(*)::INTEGER AS n FROM tickets WHERE ${inRange} GROUP BY 1`,
      [filters.from, filters.to],
    );
    trend.periods.forEach((period, i) => {
      const sum = trend.series.reduce((s, series) => s + series.points[i]!.value!, 0);
      expect(sum).toBe(weekly.find((w) => w.period === period)?.n ?? 0);
    });
  });

  it('splits a first-level category into its second-level categories, named from the taxonomy', async () => {
    const trend = await fetchMetricTrend(
      { from: '2025-01-01', to: '2025-12-31', category: '01' },
      { metric: 'appeals', grain: 'month', split: 'category', top: 12 },
    );
    const categories = await query<{ code: string; name_zh: string; name_en: string }>(
      warehouse.config,
      "SELECT code, name_zh, name_en FROM categories WHERE parent_code = '01'",
    );
    expect(trend.series.length).toBeGreaterThan(1);
    for (const s of trend.series) {
      const category = categories.find((c) => c.code === s.key);
      expect({ name: s.name, nameEn: s.nameEn }).toEqual({
        name: category?.name_zh,
        nameEn: category?.name_en,
      });
    }
  });

  it('gives the median handling time within the bucket accuracy of the exact median', async () => {
    const trend = await fetchMetricTrend(
      { from: '2025-01-01', to: '2025-12-31' },
      { metric: 'medianHandlingHours', grain: 'month', split: 'none' },
    );
    const exact = await query<{ period: string; median: number; n: number }>(
      warehouse.config,
      `SELECT ${periodSql('month')} AS period, median(handling_hours) AS median, count(*)::INTEGER AS n
       FROM tickets WHERE handling_hours >= 0 AND ${inRange} GROUP BY 1`,
      ['2025-01-01', '2025-12-31'],
    );
    for (const p of pointsOf(trend, '__all__')) {
      const row = exact.find((r) => r.period === p.period)!;
      expect(p.n).toBe(row.n);
      expect(Math.abs(p.value! / row.median - 1)).toBeLessThan(0.05);
    }
  });

  it('ranks and measures a split from the detailed rollup when a filter needs it (a street)', async () => {
    // Streets are only in the detailed rollup, so the ranking and the medians come from one scan of it.
    const [street] = await query<{ code: string }>(
      warehouse.config,
      'SELECT town_code AS code FROM tickets WHERE town_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
    );
    const filters = { from: '2025-01-01', to: '2025-12-31', region: street!.code };
    const trend = await fetchMetricTrend(filters, {
      metric: 'medianHandlingHours',
      grain: 'month',
      split: 'category',
      top: 3,
    });
    const where = `town_code = '${street!.code}' AND ${inRange}`;
    const ranked = await query<{ code: string | null; n: number }>(
      warehouse.config,
      `SELECT category_l1 AS code, count(*)::INTEGER AS n FROM tickets WHERE ${where}
       GROUP BY 1 ORDER BY n DESC, code`,
      [filters.from, filters.to],
    );
    expect(ranked.length).toBeGreaterThan(3);
    expect(trend.series.map((s) => [s.key, s.total])).toEqual([
      ...ranked.slice(0, 3).map((r) => [r.code, r.n]),
      ['__other__', ranked.slice(3).reduce((sum, r) => sum + r.n, 0)],
    ]);
    const exact = await query<{ code: string; period: string; median: number; n: number }>(
      warehouse.config,
      `SELECT category_l1 AS code, ${periodSql('month')} AS period, quantile_disc(handling_hours, 0.5) AS median,
              count(*)::INTEGER AS n
       FROM tickets WHERE handling_hours >= 0 AND ${where} GROUP BY ALL`,
      [filters.from, filters.to],
    );
    let compared = 0;
    for (const series of trend.series.slice(0, 3)) {
      for (const p of series.points) {
        const row = exact.find((r) => r.code === series.key && r.period === p.period);
        expect(p.n).toBe(row?.n ?? 0);
        if (!row) continue;
        // The interpolated median lies in the bucket of the ⌈n/2⌉-th handling time (quantile_disc), however few the
        // tickets: within 1/8 of it on the log scale.
        expect(Math.abs(Math.log1p(p.value!) - Math.log1p(row.median))).toBeLessThanOrEqual(1 / 8 + 1e-9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('counts only the days inside the range in a period the range cuts, and marks it partial', async () => {
    const trend = await fetchMetricTrend(
      { from: '2025-03-05', to: '2025-03-31' },
      { metric: 'appeals', grain: 'week', split: 'none' },
    );
    const [first] = await query<{ n: number }>(
      warehouse.config,
      `SELECT count(*)::INTEGER AS n FROM tickets WHERE ${inRange}`,
      ['2025-03-05', '2025-03-09'],
    );
    const points = pointsOf(trend, '__all__');
    expect(trend.periods[0]).toBe('2025-03-03');
    expect(points[0]).toMatchObject({ value: first!.n, partial: true, anomaly: null });
    expect(points.map((p) => p.partial)).toEqual([true, false, false, false, true]);
    // The history before the range gives the first full week an expectation.
    expect(points[1]!.expected).not.toBeNull();
  });

  it('answers a range without data with zeros and no anomalies', async () => {
    const filters = { from: '2030-01-01', to: '2030-01-31' };
    const all = await fetchMetricTrend(filters, { metric: 'appeals', grain: 'day', split: 'none' });
    expect(all.series).toHaveLength(1);
    expect(all.series[0]).toMatchObject({ key: '__all__', total: 0 });
    expect(flattenMetricTrend(all).every((r) => r.value === 0 && r.partial && r.anomaly === null)).toBe(true);
    const split = await fetchMetricTrend(filters, {
      metric: 'satisfactionRate',
      grain: 'week',
      split: 'channel',
    });
    expect(split.series).toEqual([]);
  });

  it('refuses a day grain over more than two years', async () => {
    await expect(
      fetchMetricTrend(
        { from: '2022-01-01', to: '2025-12-31' },
        { metric: 'appeals', grain: 'day', split: 'none' },
      ),
    ).rejects.toThrow(/grain=week or grain=month/);
  });
});

describe('anomalies find the planted signals', () => {
  it('peaks each seasonal category in one of its peak months', async () => {
    for (const peak of truth.seasonalPeaks) {
      for (const year of ['2024', '2025']) {
        const trend = await fetchMetricTrend(
          { from: `${year}-01-01`, to: `${year}-12-31`, category: peak.categoryCode },
          { metric: 'appeals', grain: 'month', split: 'none' },
        );
        const points = pointsOf(trend, '__all__');
        const max = points.reduce((a, b) => (b.value! > a.value! ? b : a));
        expect(peak.peakMonths, `${peak.categoryCode} ${year}`).toContain(Number(max.period.slice(5, 7)));
      }
    }
  });

  it('flags exactly the flood season as high for street flooding, against the dry months before it', async () => {
    const flooding = truth.seasonalPeaks.find((p) => p.categoryCode === '0104')!;
    const trend = await fetchMetricTrend(
      { from: '2025-01-01', to: '2025-12-31', category: '01' },
      { metric: 'appeals', grain: 'month', split: 'category', top: 12 },
    );
    const points = pointsOf(trend, '0104');
    const months = (kind: 'high' | 'low') =>
      points.filter((p) => p.anomaly === kind).map((p) => Number(p.period.slice(5, 7)));
    // September's history holds June–August: the median ignores three surging months of eight.
    expect(months('high')).toEqual(flooding.peakMonths);
    expect(months('low')).toEqual([]);
  });

  it('flags the Spring Festival weeks as low, and only holiday weeks', async () => {
    const trend = await fetchMetricTrend(
      { from: '2024-01-01', to: '2025-12-31' },
      { metric: 'appeals', grain: 'week', split: 'none' },
    );
    const lows = pointsOf(trend, '__all__')
      .filter((p) => p.anomaly === 'low')
      .map((p) => p.period);
    for (const festival of truth.springFestival.dates) {
      const weeks = periodStarts('week', festival, addDays(festival, 6));
      expect(
        lows.some((w) => weeks.includes(w)),
        festival,
      ).toBe(true);
    }
    for (const week of lows) {
      const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
      expect(
        days.some((d) => holidayOn(d) !== null),
        week,
      ).toBe(true);
    }
  });
});
