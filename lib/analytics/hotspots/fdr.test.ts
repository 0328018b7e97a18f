import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './fdr';

describe('benjaminiHochberg', () => {
  it('adjusts by m / rank and keeps the adjusted values monotone (scipy false_discovery_control)', () => {
    // Sorted: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04.
    expect([...benjaminiHochberg([0.01, 0.04, 0.03, 0.005])].map((q) => +q.toFixed(12))).toEqual([
      0.02, 0.04, 0.04, 0.02,
    ]);
    // The running minimum: 0.04·3/2 = 0.06 > 0.045·3/3 = 0.045.
    expect([...benjaminiHochberg([0.04, 0.045, 0.001])].map((q) => +q.toFixed(12))).toEqual([
      0.045, 0.045, 0.003,
    ]);
  });

  it('counts p = 1 tests in m, and leaves excluded entries out of m', () => {
    expect([...benjaminiHochberg([0.01, 1, 0.02])].map((q) => +q.toFixed(12))).toEqual([0.03, 1, 0.03]);
    expect([...benjaminiHochberg([0.01, 0.5, 0.02], [1, 0, 1])].map((q) => +q.toFixed(12))).toEqual([
      0.02, 1, 0.02,
    ]);
  });

  it('returns nothing for nothing', () => {
    expect(benjaminiHochberg([]).length).toBe(0);
  });
});
