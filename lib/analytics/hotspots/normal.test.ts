import { describe, expect, it } from 'vitest';
import { erfc, MAX_ABS_Z, normalUpperQuantile, normalUpperTail, twoSidedP } from './normal';

// Reference values: scipy.stats.norm (sf, isf) and Python's math.erfc.
describe('normal distribution', () => {
  it('matches reference tails, including far tails, to 1e-7 relative', () => {
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 7);
    expect(normalUpperTail(1.96) / 0.024997895148220435).toBeCloseTo(1, 6);
    expect(normalUpperTail(8) / 6.22096057427174e-16).toBeCloseTo(1, 6);
    expect(normalUpperTail(20) / 2.7536241186061556e-89).toBeCloseTo(1, 6);
    expect(normalUpperTail(-1.96)).toBeCloseTo(1 - 0.024997895148220435, 8);
    expect(twoSidedP(-1.96)).toBeCloseTo(0.04999579029644087, 8);
    expect(twoSidedP(0)).toBe(1);
  });

  it('inverts the upper tail on both sides and in the far tail', () => {
    expect(normalUpperQuantile(0.025)).toBeCloseTo(1.9599639845400545, 6);
    expect(normalUpperQuantile(0.9)).toBeCloseTo(-1.2815515655446004, 6);
    expect(normalUpperQuantile(1e-30)).toBeCloseTo(11.464024688443613, 5);
    expect(normalUpperQuantile(0.5)).toBeCloseTo(0, 6);
    for (const z of [-5, -0.3, 0.7, 3.2, 9])
      expect(normalUpperQuantile(normalUpperTail(z))).toBeCloseTo(z, 6);
  });

  it('clamps underflowed probabilities instead of returning infinities', () => {
    expect(normalUpperQuantile(0)).toBe(MAX_ABS_Z);
    expect(normalUpperQuantile(1)).toBe(-MAX_ABS_Z);
  });
});
