import { describe, expect, it } from 'vitest';
import { coverage, mase, maseScale, smape } from './accuracy';
import { forecastSeries, type SeriesHistory } from './forecast-series';
import { dispersionByHorizon, intervalAround } from './intervals';
import { addDays, calendarFeatures, completePeriods, type ForecastStep, shiftPeriod } from './periods';

/** Deterministic Poisson counts (mulberry32 + Knuth / normal approximation), so failures reproduce. */
function poissonSampler(seed: number): (mean: number) => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (mean) => {
    if (mean > 50) {
      const z = Math.sqrt(-2 * Math.log(uniform() || 1e-12)) * Math.cos(2 * Math.PI * uniform());
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
    }
    const limit = Math.exp(-mean);
    let k = 0;
    let p = uniform();
    while (p > limit) {
      k++;
      p *= uniform();
    }
    return k;
  };
}

function series(step: ForecastStep, first: string, count: number, mean: (start: string) => number, seed = 7) {
  const draw = poissonSampler(seed);
  const starts = Array.from({ length: count }, (_, i) => shiftPeriod(first, step, i));
  return { step, starts, values: starts.map((s) => draw(mean(s))) } satisfies SeriesHistory;
}

/** A flood-season category: six times its normal level from June to September. */
const floodSeason = (start: string) => (['06', '07', '08', '09'].includes(start.slice(5, 7)) ? 30 : 5);

describe('accuracy measures', () => {
  it('computes MASE, sMAPE and coverage as defined', () => {
    const history = [10, 12, 14, 10, 12, 14];
    expect(maseScale(history, 3)).toBeNaN(); // a series that repeats exactly has no scale
    expect(maseScale([1, 2, 4, 8], 1)).toBeCloseTo(7 / 3);
    expect(mase([10, 20], [12, 16], 2)).toBe(1.5);
    expect(smape([0, 10], [0, 30])).toBeCloseTo(0.5);
    expect(coverage([1, 5, 9], [0, 6, 8], [2, 7, 10])).toBeCloseTo(2 / 3);
  });
});

describe('forecastSeries', () => {
  it('beats seasonal naive on a known seasonal weekly series and forecasts the season', () => {
    const history = series('week', '2023-01-02', 156, floodSeason);
    const result = forecastSeries(history);
    expect(result.fallbackReason).toBeNull();
    expect(result.model).not.toBe('seasonal_naive');
    expect(result.chosen!.mase).toBeLessThan(0.85 * result.baseline!.mase);
    // From the last week of 2025 the 13 weeks reach into late March: still the quiet season, near 5 a week.
    const means = result.forecast.map((p) => p.mean);
    expect(Math.max(...means)).toBeLessThan(10);
    expect(result.forecast[0]!.periodStart).toBe('2025-12-29');
  });

  it('puts a monthly flood season in June, far above March', () => {
    const result = forecastSeries(series('month', '2023-01-01', 36, (s) => 4 * floodSeason(s)));
    const june = result.forecast.find((p) => p.periodStart === '2026-06-01')!;
    const march = result.forecast.find((p) => p.periodStart === '2026-03-01')!;
    expect(june.mean).toBeGreaterThan(3 * march.mean);
    expect(june.lo95).toBeGreaterThan(march.hi95);
  });

  it('falls back to the recent mean for a sparse series and says why', () => {
    const result = forecastSeries(series('week', '2024-01-01', 104, () => 0.4));
    expect(result.model).toBe('recent_mean');
    expect(result.fallbackReason).toMatch(/^sparse: 0\.\d appeals a week on average/);
    expect(new Set(result.forecast.map((p) => p.mean.toFixed(6))).size).toBe(1);
  });

  it('does not invent a yearly season from 14 months', () => {
    const result = forecastSeries(series('month', '2024-11-01', 14, (s) => 4 * floodSeason(s)));
    expect(result.fallbackReason).toBe('too short for yearly seasonality: 14 months (needs 15 months)');
    expect(['recent_mean', 'ets']).toContain(result.model);
  });

  it('keeps stored intervals ordered and widens them with the horizon', () => {
    // A wandering level: errors grow with the horizon, so the calibrated dispersion must too.
    let level = 40;
    const draw = poissonSampler(3);
    const walk = (_: string) => {
      level = Math.max(5, level + (draw(4) - 4) * 2);
      return level;
    };
    const result = forecastSeries(series('week', '2023-01-02', 156, walk));
    for (const p of [...result.forecast, ...result.backtests.map((b) => b.interval)]) {
      expect(p.lo95).toBeLessThanOrEqual(p.lo80);
      expect(p.lo80).toBeLessThanOrEqual(p.mean);
      expect(p.mean).toBeLessThanOrEqual(p.hi80);
      expect(p.hi80).toBeLessThanOrEqual(p.hi95);
    }
    const first = result.forecast[0]!;
    const last = result.forecast[result.forecast.length - 1]!;
    expect((last.hi95 - last.lo95) / Math.sqrt(last.mean)).toBeGreaterThan(
      (first.hi95 - first.lo95) / Math.sqrt(first.mean),
    );
  });

  it('forecasts the Spring Festival dip on the right days of a daily series', () => {
    // Appeals drop to a third on Spring Festival holidays (2023-01-21…27, 2024-02-10…17, 2025-01-28…02-04 and
    // 2026-02-15…23): a model that only knows the week would put the dip in late January.
    const festival = (d: string) => calendarFeatures(d, 'day')[1]! > 0;
    const days = completePeriods('2023-01-01', '2026-01-31', 'day');
    const history = series('day', days[0]!, days.length, (d) => (festival(d) ? 12 : 40));
    const result = forecastSeries(history);
    expect(result.model).toMatch(/holidays/);
    const inFestival = result.forecast.filter((p) => festival(p.periodStart)).map((p) => p.mean);
    const outside = result.forecast.filter((p) => !festival(p.periodStart)).map((p) => p.mean);
    expect(inFestival.length).toBe(9);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(avg(inFestival)).toBeLessThan(0.6 * avg(outside));
  });
});

describe('intervals', () => {
  it('never narrows with the horizon and never drops below chance', () => {
    const errors = [1, 2, 3].flatMap((origin) =>
      [1, 2, 3, 4].map((h) => ({
        origin,
        horizon: h,
        actual: 100 + h * 8 * (origin % 2 ? 1 : -1),
        predicted: 100,
      })),
    );
    const phi = dispersionByHorizon(errors, 4);
    expect(phi[0]).toBeGreaterThanOrEqual(1);
    for (let h = 1; h < 4; h++) expect(phi[h]).toBeGreaterThanOrEqual(phi[h - 1]!);
    expect(dispersionByHorizon([], 3)).toEqual([1, 1, 1]);
    const i = intervalAround(100, 1);
    expect(i.hi95 - i.mean).toBeCloseTo(19.6, 1);
    expect(intervalAround(1, 4).lo95).toBe(0);
  });

  it('describes the calendar of a week by shares of its days', () => {
    // 2024-02-05…11 holds 正月初一's eve (02-10, 02-11: holidays) and is in the festival's run-up.
    const [holiday, festival, makeUp, runUp] = calendarFeatures('2024-02-05', 'week');
    expect(holiday).toBe(0);
    expect(festival).toBeCloseTo(2 / 7);
    expect(makeUp).toBe(0);
    expect(runUp).toBeCloseTo(5 / 7);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});
