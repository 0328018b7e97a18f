import { twoSidedP } from './normal';

/** A monotonic trend: S, its variance, the z-score and two-sided p-value. */
export interface TrendTest {
  s: number;
  variance: number;
  z: number;
  p: number;
}

/**
 * The Mann-Kendall test for a monotonic trend in a series (Mann 1945, Kendall 1975), as ArcGIS uses it on each
 * location's Gi* z-scores over time:
 *
 *   S = Σ_{i<j} sign(x_j − x_i)
 *   Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18, t the size of each group of tied values
 *   Z = (S − 1)/√Var if S > 0, (S + 1)/√Var if S < 0, 0 otherwise (continuity correction)
 *
 * with a two-sided normal p-value. The tie correction matters here: a cell's z-score is exactly 0 in every month it
 * has nothing to test, so long runs of ties are the rule.
 *
 * `serialCorrelation` [ρ₁, ρ₂, …] is the lag-k autocorrelation the series has with no trend at all, for series
 * built from overlapping windows (a two-month test window gives ρ₁ = ½). Without it the test finds trends in pure
 * noise far more often than its p-value says; with it Var(S) is inflated by Hamed & Rao's (1998) factor
 * 1 + 2/(n(n−1)(n−2)) · Σ_k (n−k)(n−k−1)(n−k−2) ρ_k.
 *
 * Fewer than 3 values, or all tied, is no evidence: z = 0, p = 1. O(n²), fine for the hundred-odd months a
 * warehouse spans. No JavaScript package implements it.
 */
export function mannKendall(series: readonly number[], serialCorrelation: readonly number[] = []): TrendTest {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(series[j]! - series[i]!);
  }
  const sorted = Float64Array.from(series).sort();
  let ties = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  let variance = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  if (n < 3 || !(variance > 0)) return { s, variance: Math.max(0, variance), z: 0, p: 1 };
  let inflation = 0;
  serialCorrelation.forEach((rho, lag) => {
    const k = lag + 1;
    if (k < n) inflation += (n - k) * (n - k - 1) * (n - k - 2) * rho;
  });
  variance *= 1 + (2 * inflation) / (n * (n - 1) * (n - 2));
  const z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
  return { s, variance, z, p: twoSidedP(z) };
}
