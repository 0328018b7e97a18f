import { describe, expect, it } from 'vitest';
import { HOTSPOT_CLASSES, hotspotClassInfo } from './classes';
import { type CellHistory, classifyEmergingHotspot, recurringMonths } from './emerging-classes';

const STEPS = 24;
const NO_TREND = { z: 0.4, p: 0.7 };

/** A history of STEPS months from January, hot (and cold) in the listed month indexes. */
function history(hot: number[], options: Partial<CellHistory> & { coldAt?: number[]; steps?: number } = {}) {
  const steps = options.steps ?? STEPS;
  return {
    hot: Array.from({ length: steps }, (_, t) => hot.includes(t)),
    cold: Array.from({ length: steps }, (_, t) => (options.coldAt ?? []).includes(t)),
    firstCalendarMonth: options.firstCalendarMonth ?? 1,
    trend: options.trend ?? NO_TREND,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const except = (steps: number, ...skip: number[]) => range(0, steps - 1).filter((t) => !skip.includes(t));

describe('classifyEmergingHotspot', () => {
  it('new: hot in the last month only', () => {
    expect(classifyEmergingHotspot(history([23]))).toBe('new');
  });

  it('consecutive: one unbroken run ending in the last month, under 90% of months', () => {
    expect(classifyEmergingHotspot(history(range(16, 23)))).toBe('consecutive');
    expect(classifyEmergingHotspot(history(range(22, 23)))).toBe('consecutive');
  });

  it('persistent, intensifying, diminishing: hot in ≥ 90% of months including the last, by trend', () => {
    const hot = except(24, 7, 15); // 22 of 24 = 91.7%
    expect(classifyEmergingHotspot(history(hot))).toBe('persistent');
    expect(classifyEmergingHotspot(history(hot, { trend: { z: 2.5, p: 0.012 } }))).toBe('intensifying');
    expect(classifyEmergingHotspot(history(hot, { trend: { z: -2.5, p: 0.012 } }))).toBe('diminishing');
    // A trend that is not significant does not count.
    expect(classifyEmergingHotspot(history(hot, { trend: { z: 1.9, p: 0.057 } }))).toBe('persistent');
  });

  it('historical: hot in ≥ 90% of months but not the last', () => {
    expect(classifyEmergingHotspot(history(except(24, 5, 23)))).toBe('historical');
  });

  it('the 90% line: 22 of 24 months is persistent, 21 is not', () => {
    expect(classifyEmergingHotspot(history(except(24, 3, 9)))).toBe('persistent');
    expect(classifyEmergingHotspot(history(except(24, 3, 9, 14)))).toBe('sporadic');
  });

  it('sporadic: on and off, hot in the last month, never cold', () => {
    expect(classifyEmergingHotspot(history([3, 10, 23]))).toBe('sporadic');
  });

  it('oscillating: hot in the last month after having been a cold spot', () => {
    expect(classifyEmergingHotspot(history([5, 23], { coldAt: [12] }))).toBe('oscillating');
  });

  it('seasonal: hot in the same calendar months each year, quiet in between', () => {
    // June–September (indexes 5–8 and 17–20 from January): the planted flooding pattern.
    const rainySeasons = [...range(5, 8), ...range(17, 20)];
    expect(classifyEmergingHotspot(history(rainySeasons))).toBe('seasonal');
    expect(recurringMonths(history(rainySeasons).hot, 1)).toEqual([6, 7, 8, 9]);
    // Data ending in September: still seasonal, not sporadic.
    expect(classifyEmergingHotspot(history(rainySeasons, { steps: 21 }))).toBe('seasonal');
    // Starting in July: calendar months follow firstCalendarMonth.
    expect(recurringMonths(history([0, 1, 12, 13], { firstCalendarMonth: 7 }).hot, 7)).toEqual([7, 8]);
  });

  it('not seasonal when hot most of the year (a year-round hot spot short of 90%)', () => {
    const marketLike = except(24, 3, 6, 7, 11, 15, 20, 22);
    expect(classifyEmergingHotspot(history(marketLike))).toBe('sporadic');
  });

  it('no pattern: never significant, or hot once long ago', () => {
    expect(classifyEmergingHotspot(history([]))).toBeNull();
    expect(classifyEmergingHotspot(history([5]))).toBeNull();
    expect(classifyEmergingHotspot(history([5, 9]))).toBeNull();
  });

  it('cold patterns mirror the hot ones, with the trend reversed', () => {
    expect(classifyEmergingHotspot(history([], { coldAt: [23] }))).toBe('cold_new');
    expect(classifyEmergingHotspot(history([], { coldAt: range(0, 23), trend: { z: -3, p: 0.003 } }))).toBe(
      'cold_intensifying',
    );
    expect(classifyEmergingHotspot(history([4], { coldAt: [10, 23] }))).toBe('cold_oscillating');
  });
});

describe('class codes', () => {
  it('every class the rules can return has labels, and codes are unique', () => {
    const codes = HOTSPOT_CLASSES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of [
      'new',
      'consecutive',
      'intensifying',
      'persistent',
      'seasonal',
      'diminishing',
      'sporadic',
    ]) {
      expect(hotspotClassInfo(code)?.hot).toBe(true);
      expect(hotspotClassInfo(`cold_${code}`)?.hot).toBe(false);
    }
    expect(hotspotClassInfo('oscillating')).toMatchObject({ zh: '振荡热点', family: 'irregular' });
    expect(hotspotClassInfo(null)).toBeUndefined();
  });
});
