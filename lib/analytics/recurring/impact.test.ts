import { describe, expect, it } from 'vitest';
import { differenceInDifferences } from './impact';

const controls = [
  { before: 12, after: 12 },
  { before: 12, after: 6 },
  { before: 6, after: 12 },
  { before: 24, after: 24 },
  { before: 0, after: 0 },
];

describe('differenceInDifferences', () => {
  it('subtracts the control areas’ change from the treated area’s change, in appeals per month', () => {
    const result = differenceInDifferences({
      treated: { before: 120, after: 12 },
      controls,
      monthsBefore: 12,
      monthsAfter: 6,
    });
    if (!result.enough) throw new Error('expected enough data');
    // Treated: 10 → 2 a month. Controls' changes (per month): 1, 0, 1.5, 2, 0 → mean 0.9.
    expect(result.treatedBefore).toBe(10);
    expect(result.treatedAfter).toBe(2);
    expect(result.effect).toBeCloseTo(-8 - 0.9, 10);
    const sd = Math.sqrt([0.1, -0.9, 0.6, 1.1, -0.9].reduce((a, d) => a + d * d, 0) / 4);
    expect(result.high - result.effect).toBeCloseTo(1.96 * sd * Math.sqrt(1.2), 10);
    expect(result.high).toBeLessThan(0);
  });

  it('says "not enough data" when the project is too recent or has nothing to compare with', () => {
    const base = { treated: { before: 10, after: 1 }, controls, monthsBefore: 12, monthsAfter: 6 };
    expect(differenceInDifferences({ ...base, monthsAfter: 2 })).toEqual({
      enough: false,
      reason: 'too_few_months_after',
    });
    expect(differenceInDifferences({ ...base, controls: controls.slice(0, 4) })).toEqual({
      enough: false,
      reason: 'too_few_controls',
    });
  });
});
