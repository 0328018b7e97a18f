import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastSeries } from '../../lib/analytics/forecast/forecast-series';
import { buildProactiveCalendar } from '../../lib/analytics/forecast/proactive-calendar';
import { loadSeries } from '../../lib/analytics/forecast/series';
import type { DeploymentConfig } from '../../lib/config';
import { openWarehouse } from '../../lib/db/connection';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { query } from '../support/warehouse';

/**
 * The forecasts step on the committed sample city: the stored forecasts see the planted seasons
 * (data-samples/ground-truth.json, seasonalPeaks), beat seasonal naive where there is a season to see, keep their
 * intervals in order and cover what happened, and the proactive calendar names a planted peak weeks ahead.
 */
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  seasonalPeaks: { categoryCode: string; peakMonths: number[] }[];
};
let config: DeploymentConfig;
let cleanup: () => void;

beforeAll(async () => {
  ({ config, cleanup } = await buildSampleWarehouse('forecasts', { analytics: ['forecasts'] }));
}, 180_000);
afterAll(() => cleanup?.());

interface SeriesRow {
  series_id: string;
  model: string;
  fallback_reason: string | null;
  history_length: number;
  mase: number | null;
  baseline_mase: number | null;
  coverage95: number | null;
}

describe('forecasts step on the sample city', () => {
  it('gives every series a model and a backtest, and each fallback its reason', async () => {
    const rows = await query<SeriesRow>(config, 'SELECT * FROM forecast_series');
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(r.model, r.series_id).toMatch(/^(seasonal_naive|recent_mean|ets|seasonal_index|mstl)/);
      // Every stored series is backtested, fallbacks included, so "how good has this been" always has an answer.
      expect(r.mase, r.series_id).not.toBeNull();
    }
    // Sparse and short series fall back and say why in words.
    const fallbacks = rows.filter((r) => r.fallback_reason);
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const r of fallbacks) expect(r.fallback_reason, r.series_id).toMatch(/sparse|short/);
    const city = await query<SeriesRow>(
      config,
      "SELECT * FROM forecast_series WHERE series_id = 'day:511500:all'",
    );
    expect(city[0]?.fallback_reason).toBeNull();
  });

  it('stores ordered intervals for every forecast and backtest point', async () => {
    for (const table of ['forecast_points', 'forecast_backtests']) {
      const bad = await query<{ n: number }>(
        config,
        `SELECT count(*)::INTEGER AS n FROM ${table}
         WHERE lo95 IS NOT NULL AND NOT (lo95 <= lo80 AND lo80 <= ${table === 'forecast_points' ? 'mean' : 'predicted'}
           AND ${table === 'forecast_points' ? 'mean' : 'predicted'} <= hi80 AND hi80 <= hi95 AND lo95 >= 0)`,
      );
      expect(bad[0]?.n, table).toBe(0);
    }
    const missing = await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM forecast_series s
       WHERE (SELECT count(*) FROM forecast_points p WHERE p.series_id = s.series_id AND kind = 'forecast')
             <> CASE step WHEN 'day' THEN 28 WHEN 'week' THEN 13 ELSE 6 END`,
    );
    expect(missing[0]?.n).toBe(0);
  });

  it('stores history equal to an independent count from tickets', async () => {
    const stored = await query<{ period_start: string; actual: number }>(
      config,
      `SELECT period_start::VARCHAR AS period_start, actual FROM forecast_points
       WHERE series_id = 'month:511500:0104' AND kind = 'history' ORDER BY period_start`,
    );
    const counted = await query<{ period_start: string; n: number }>(
      config,
      `SELECT date_trunc('month', received_at)::DATE::VARCHAR AS period_start, count(*)::INTEGER AS n
       FROM tickets WHERE category_l2 = '0104' GROUP BY 1 ORDER BY 1`,
    );
    // Every month of 2024–2025, a month without appeals as 0.
    expect(stored.length).toBe(24);
    const byMonth = new Map(counted.map((c) => [c.period_start, c.n]));
    expect(stored).toEqual(
      stored.map((s) => ({ period_start: s.period_start, actual: byMonth.get(s.period_start) ?? 0 })),
    );
    expect(stored.reduce((a, s) => a + s.actual, 0)).toBe(counted.reduce((a, c) => a + c.n, 0));
  });

  it('forecasts the planted flood season: June far above March', async () => {
    const points = await query<{ period_start: string; mean: number; lo80: number; hi80: number }>(
      config,
      `SELECT period_start::VARCHAR AS period_start, mean, lo80, hi80 FROM forecast_points
       WHERE series_id = 'month:511500:0104' AND kind = 'forecast'`,
    );
    const june = points.find((p) => p.period_start === '2026-06-01')!;
    const march = points.find((p) => p.period_start === '2026-03-01')!;
    expect(june.mean).toBeGreaterThan(4 * march.mean);
    expect(june.lo80).toBeGreaterThan(march.hi80);
  });

  it('beats seasonal naive on the planted seasonal categories and across series with two years', async () => {
    const planted = truth.seasonalPeaks.map((p) => p.categoryCode);
    const rows = await query<SeriesRow>(
      config,
      `SELECT * FROM forecast_series WHERE fallback_reason IS NULL AND step IN ('week', 'month')
       AND history_length >= CASE step WHEN 'week' THEN 104 ELSE 24 END`,
    );
    const plantedRows = rows.filter((r) => planted.some((code) => r.series_id.endsWith(`:511500:${code}`)));
    expect(plantedRows.length).toBeGreaterThanOrEqual(6);
    for (const r of plantedRows) expect(r.mase!, r.series_id).toBeLessThanOrEqual(r.baseline_mase!);
    const ratios = rows.map((r) => r.mase! / r.baseline_mase!).sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)]!;
    expect(rows.length).toBeGreaterThan(100);
    expect(median).toBeLessThanOrEqual(0.85);
  });

  it('covers 90–98% of backtest actuals with the 95% intervals', async () => {
    const [c] = await query<{ cov95: number; cov80: number; n: number }>(
      config,
      `SELECT avg((b.actual BETWEEN b.lo95 AND b.hi95)::INTEGER) AS cov95,
              avg((b.actual BETWEEN b.lo80 AND b.hi80)::INTEGER) AS cov80, count(*)::INTEGER AS n
       FROM forecast_backtests b JOIN forecast_series s USING (series_id) WHERE s.fallback_reason IS NULL`,
    );
    expect(c!.n).toBeGreaterThan(1000);
    expect(c!.cov95).toBeGreaterThanOrEqual(0.9);
    expect(c!.cov95).toBeLessThanOrEqual(0.98);
    expect(c!.cov80).toBeGreaterThanOrEqual(0.7);
    expect(c!.cov80).toBeLessThanOrEqual(0.9);
  });

  it('puts the gas-supply winter in the stored calendar with its departments', async () => {
    const rows = await query<{
      category_code: string;
      month: string;
      departments: string[];
      lead_days: number;
    }>(
      config,
      `SELECT category_code, month::VARCHAR AS month, departments, lead_days FROM forecast_calendar
       WHERE region_level = 'city'`,
    );
    const gas = rows.filter((r) => r.category_code === '1005');
    expect(gas.map((r) => r.month)).toContain('2026-01-01');
    expect(gas[0]!.departments.length).toBeGreaterThan(0);
    // Nothing planted rises in January–March but gas and the pre-festival wage arrears.
    for (const r of rows) expect(['1005', '0701'], r.category_code).toContain(r.category_code);
  });

  it('names the flood season at least four weeks before it starts, from data up to April', async () => {
    const warehouse = await openWarehouse(config.databasePath, { readOnly: true });
    try {
      const monthly = await loadSeries(warehouse.connection, 'month', config.regionCode);
      const cut = monthly
        .filter((s) => s.categoryCode === '0104')
        .map((s) => {
          const n = s.starts.indexOf('2025-05-01');
          const history = { ...s, starts: s.starts.slice(0, n), values: s.values.slice(0, n) };
          return { series: history, forecast: forecastSeries(history) };
        });
      const calendar = buildProactiveCalendar(cut, new Map());
      const flood = calendar.find((e) => e.seriesId === 'month:511500:0104' && e.month === '2025-06-01');
      expect(flood).toBeDefined();
      expect(flood!.leadDays).toBeGreaterThanOrEqual(28);
      expect(flood!.riseStart).toBe('2025-06-01');
    } finally {
      warehouse.close();
    }
  });
});
