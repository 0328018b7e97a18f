import { describe, expect, it } from 'vitest';
import { binomialLowerTail, binomialUpperTail, logGamma, regularizedIncompleteBeta } from './binomial';

function pmf(k: number, n: number, p: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c * p ** k * (1 - p) ** (n - k);
}

describe('binomial tails', () => {
  it('ln Γ matches factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  it('I_x(a, b) at known points', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_0.5(a, a) = 0.5 by symmetry.
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedIncompleteBeta(0.3, 3, 1)).toBeCloseTo(0.027, 12);
    expect(regularizedIncompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 12);
  });

  it('equals direct summation of the probabilities for small n', () => {
    for (const [n, p] of [
      [4, 0.125],
      [10, 0.5],
      [25, 0.03],
    ] as const) {
      for (let k = 0; k <= n; k++) {
        let upper = 0;
        for (let j = k; j <= n; j++) upper += pmf(j, n, p);
        let lower = 0;
        for (let j = 0; j <= k; j++) lower += pmf(j, n, p);
        expect(binomialUpperTail(k, n, p)).toBeCloseTo(upper, 12);
        expect(binomialLowerTail(k, n, p)).toBeCloseTo(lower, 12);
      }
    }
    // P(X ≥ 3), X ~ Bin(4, 1/8) = 4·(1/8)³·(7/8) + (1/8)⁴ = 29/4096.
    expect(binomialUpperTail(3, 4, 0.125)).toBeCloseTo(29 / 4096, 15);
  });

  it('keeps the digits of far tails for large n (scipy.stats.binom reference)', () => {
    expect(binomialUpperTail(30, 1000, 0.01) / 2.059988850971949e-7).toBeCloseTo(1, 7);
    expect(binomialLowerTail(2, 1000, 0.01) / 0.00267943199379151).toBeCloseTo(1, 7);
    expect(binomialUpperTail(200, 5000, 0.03) / 4.372741253341735e-5).toBeCloseTo(1, 7);
    expect(binomialLowerTail(120, 5000, 0.03) / 0.005917510341447068).toBeCloseTo(1, 7);
  });

  it('handles the edges', () => {
    expect(binomialUpperTail(0, 10, 0.2)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.2)).toBe(0);
    expect(binomialLowerTail(10, 10, 0.2)).toBe(1);
    expect(binomialLowerTail(0, 10, 0.125)).toBeCloseTo(0.875 ** 10, 14);
  });
});
