import { describe, expect, it } from 'vitest';
import { periodStarts } from '../sql/time-grain';
import { ANOMALY_RULES, expectedRanges, historyPeriod, type ObservedPoint } from './anomalies';

/** mulberry32: a small seeded generator, so the noisy series are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Knuth's Poisson sampler (fine for the small means used here). */
function poisson(lambda: number, random: () => number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

function dailySeries(from: string, to: string, mean: (day: Date) => number, seed: number): ObservedPoint[] {
  const random = seeded(seed);
  return periodStarts('day', from, to).map((period) => ({
    period,
    value: poisson(mean(new Date(`${period}T00:00:00Z`)), random),
  }));
}

const flags = (points: ObservedPoint[], grain: 'day' | 'week' | 'month' = 'day') =>
  expectedRanges(points, { grain, kind: 'count' }).filter((r) => r.anomaly !== null).length;

describe('expectedRanges', () => {
  it('flags a planted spike as high, and the spike does not distort the weeks after it', () => {
    const points = dailySeries('2024-01-01', '2024-06-30', () => 40, 7);
    const spike = points.findIndex((p) => p.period === '2024-04-10');
    const quiet = expectedRanges(points, { grain: 'day', kind: 'count' });
    points[spike]!.value = 120;
    const ranges = expectedRanges(points, { grain: 'day', kind: 'count' });
    expect(ranges[spike]!.anomaly).toBe('high');
    expect(ranges[spike]!.expected).toBeGreaterThan(30);
    expect(ranges[spike]!.upper).toBeLessThan(120);
    expect(ranges.filter((r) => r.anomaly !== null)).toHaveLength(1);
    // The same weekday a week later: the median ignores one outlier in its window, a mean would rise by 10.
    const after = spike + 7;
    expect(Math.abs(ranges[after]!.expected! - quiet[after]!.expected!)).toBeLessThanOrEqual(2);
  });

  it('flags a collapse as low', () => {
    const points = dailySeries('2024-01-01', '2024-03-31', () => 50, 11);
    const drop = points.findIndex((p) => p.period === '2024-03-20');
    points[drop]!.value = 5;
    const ranges = expectedRanges(points, { grain: 'day', kind: 'count' });
    expect(ranges[drop]!.anomaly).toBe('low');
    expect(ranges[drop]!.lower).toBeGreaterThan(5);
  });

  it('does not flag a steady series with Poisson noise', () => {
    expect(flags(dailySeries('2024-01-01', '2024-12-31', () => 30, 42))).toBe(0);
    // Over many seeds false alarms stay rare: the Poisson floor keeps an 8-point MAD from being too narrow.
    let total = 0;
    let flagged = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const points = dailySeries('2024-01-01', '2024-06-30', () => 30, seed);
      total += points.length - 7 * ANOMALY_RULES.minHistory;
      flagged += flags(points);
    }
    expect(flagged / total).toBeLessThan(0.005);
  });

  it('does not flag a small-count wiggle over a flat history', () => {
    const points = periodStarts('week', '2024-01-01', '2024-06-30').map((period) => ({ period, value: 2 }));
    points[20]!.value = 6;
    expect(flags(points, 'week')).toBe(0);
    const wiggle = expectedRanges(points, { grain: 'week', kind: 'count' })[20]!;
    expect(wiggle).toMatchObject({ expected: 2, lower: 0, anomaly: null });
    expect(wiggle.upper).toBeGreaterThanOrEqual(7);
    points[20]!.value = 12;
    expect(expectedRanges(points, { grain: 'week', kind: 'count' })[20]!.anomaly).toBe('high');
  });

  it('compares a day with the same weekday, so a busy-weekday, quiet-weekend pattern raises no flags', () => {
    const weekly = (d: Date) => (d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 8 : 60);
    // At this seed; the false-alarm rate over many seeds is checked above.
    const points = dailySeries('2024-01-01', '2024-09-30', weekly, 2);
    expect(flags(points)).toBe(0);
    // The same data compared with the previous days instead of the same weekday would flag every weekend.
    const weeks = periodStarts('week', '2000-01-03', '2030-01-01');
    const consecutive = points.map((p, i) => ({ ...p, period: weeks[i]! }));
    expect(flags(consecutive, 'week')).toBeGreaterThan(20);
  });

  it('gives no expected range with fewer than 4 history points', () => {
    const points = periodStarts('month', '2024-01-01', '2024-08-01').map((period) => ({
      period,
      value: 100,
    }));
    const ranges = expectedRanges(points, { grain: 'month', kind: 'count' });
    expect(ranges.slice(0, 4).map((r) => r.expected)).toEqual([null, null, null, null]);
    expect(ranges.slice(0, 4).map((r) => r.anomaly)).toEqual([null, null, null, null]);
    // Four flat points: the band is the Poisson noise of 100 (±10) × 3, widened for so short a history.
    expect(ranges[4]).toMatchObject({ expected: 100, anomaly: null });
    expect(ranges[4]!.lower).toBeCloseTo(67.7, 1);
    expect(ranges[4]!.upper).toBeCloseTo(138.6, 1);
  });

  it('never gives a count range below zero, however wide the band', () => {
    // A volatile history (street flooding: a few a month, hundreds in the rainy season) makes a band wider than
    // the expected value; its lower edge was once the square of a negative number.
    const values = [5, 10, 300, 250, 330, 200, 20, 30, 1];
    const points = periodStarts('month', '2024-01-01', '2024-09-01').map((period, i) => ({
      period,
      value: values[i] ?? 0,
    }));
    const last = expectedRanges(points, { grain: 'month', kind: 'count' }).at(-1)!;
    expect(last.lower).toBe(0);
    expect(last.upper).toBeGreaterThan(last.expected ?? Number.POSITIVE_INFINITY);
    expect(last.anomaly).toBeNull();
  });

  it('neither uses nor flags points without a value, and skips them in the history', () => {
    const points: ObservedPoint[] = periodStarts('week', '2024-01-01', '2024-03-31').map((period) => ({
      period,
      value: 50,
    }));
    points[3]!.value = null;
    points[6]!.value = null;
    const ranges = expectedRanges(points, { grain: 'week', kind: 'count' });
    expect(ranges[4]!.expected).toBeNull(); // 3 usable weeks before it
    expect(ranges[5]!.expected).toBe(50);
    expect(ranges[6]).toMatchObject({ expected: 50, anomaly: null });
  });

  it('floors a share by its binomial noise and flags a real drop', () => {
    const history = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9];
    const months = periodStarts('month', '2024-01-01', '2024-09-01');
    const points = (last: number, n: number) =>
      months.map((period, i) => ({ period, value: i < 8 ? history[i]! : last, n }));
    const share = (last: number, n: number) =>
      expectedRanges(points(last, n), { grain: 'month', kind: 'share' })[8]!;
    expect(share(0.8, 40).anomaly).toBeNull(); // 4 of 40 callers: within binomial noise
    expect(share(0.7, 1000).anomaly).toBe('low');
    expect(share(0.7, 1000).upper).toBeLessThanOrEqual(1);
  });

  it('steps back by weeks for days and weeks, by months for months', () => {
    expect(historyPeriod('day', '2024-03-06', 1)).toBe('2024-02-28');
    expect(historyPeriod('week', '2024-03-04', 8)).toBe('2024-01-08');
    expect(historyPeriod('month', '2024-03-01', 8)).toBe('2023-07-01');
  });

  it('takes each point’s history from exactly the periods historyPeriod names, across year ends and leap days', () => {
    for (const grain of ['day', 'week', 'month'] as const) {
      const periods = periodStarts(grain, '2022-11-01', '2024-04-30');
      // Distinct values (squares of the position), so a median from any other period would differ.
      const points = periods.map((period, i) => ({ period, value: i * i }));
      const observed = new Map(points.map((p) => [p.period, p.value]));
      const ranges = expectedRanges(points, { grain, kind: 'measure' });
      let checked = 0;
      points.forEach((point, i) => {
        const history = Array.from({ length: ANOMALY_RULES.historyPeriods }, (_, k) =>
          observed.get(historyPeriod(grain, point.period, k + 1)),
        ).filter((v): v is number => v !== undefined);
        if (history.length < ANOMALY_RULES.minHistory) return;
        const sorted = history.sort((a, b) => a - b);
        const mid = sorted.length >> 1;
        const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
        expect(ranges[i]!.expected, `${grain} ${point.period}`).toBe(median);
        checked++;
      });
      expect(checked).toBeGreaterThan(8);
    }
  });
});
