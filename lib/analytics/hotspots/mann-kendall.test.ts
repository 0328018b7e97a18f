import { describe, expect, it } from 'vitest';
import { mannKendall } from './mann-kendall';

describe('mannKendall', () => {
  it('a strictly rising series of 5', () => {
    // S = 10 (all 10 pairs rise); Var = 5·4·15/18 = 16.667; Z = (10 − 1)/√16.667 = 2.2045; p = 0.0275.
    const t = mannKendall([1, 2, 3, 4, 5]);
    expect(t.s).toBe(10);
    expect(t.variance).toBeCloseTo(50 / 3, 10);
    expect(t.z).toBeCloseTo(2.2045407685048604, 8);
    expect(t.p).toBeCloseTo(0.02748633611151033, 6);
  });

  it('corrects the variance for ties', () => {
    // [1, 2, 2, 3]: S = 5 (one tied pair); Var = (4·3·13 − 2·1·9)/18 = 7.667; Z = 4/√7.667 = 1.4446; p = 0.1486.
    const t = mannKendall([1, 2, 2, 3]);
    expect(t.s).toBe(5);
    expect(t.variance).toBeCloseTo(138 / 18, 10);
    expect(t.z).toBeCloseTo(1.4446302370292303, 8);
    expect(t.p).toBeCloseTo(0.14856177489186864, 6);
  });

  it('inflates the variance for serial correlation (Hamed & Rao)', () => {
    // n = 5, ρ₁ = ½: 1 + 2·(4·3·2·½)/(5·4·3) = 1.4; Var = 16.667 × 1.4 = 23.333; Z = 9/√23.333 = 1.8632.
    const t = mannKendall([1, 2, 3, 4, 5], [0.5]);
    expect(t.variance).toBeCloseTo((50 / 3) * 1.4, 10);
    expect(t.z).toBeCloseTo(9 / Math.sqrt(70 / 3), 10);
  });

  it('is symmetric for falling series and silent without evidence', () => {
    const down = mannKendall([5, 4, 3, 2, 1]);
    expect(down.s).toBe(-10);
    expect(down.z).toBeCloseTo(-2.2045407685048604, 8);
    expect(mannKendall([0, 0, 0, 0])).toMatchObject({ z: 0, p: 1 });
    expect(mannKendall([1, 2])).toMatchObject({ z: 0, p: 1 });
  });

  it('finds a late rise after a long run of zeros (an emerging hot spot)', () => {
    const series = [...new Array(16).fill(0), 2, 3, 4, 5, 6, 7, 8, 9];
    const t = mannKendall(series);
    expect(t.z).toBeGreaterThan(3);
    expect(t.p).toBeLessThan(0.01);
  });
});
