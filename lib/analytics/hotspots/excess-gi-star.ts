import { binomialLowerTail, binomialUpperTail } from './binomial';
import type { LocalTestResult } from './gi-star';
import { type Neighbourhoods, neighbourhoodSums } from './neighbourhoods';
import { normalUpperQuantile } from './normal';

/** Gi* on excess: the z and p of each cell, and whether its neighbourhood had any appeals to test. */
export interface ExcessTestResult extends LocalTestResult {
  /** 1 when the neighbourhood holds at least one appeal (of any kind); only these count as tests for the FDR. */
  testable: Uint8Array;
}

/**
 * Gi* on the excess of one kind of appeal over what the neighbourhood's volume leads one to expect, with the
 * variance taken from the counting model instead of from the spread of the values.
 *
 * Cell j has `base[j]` appeals (of any kind) and `observed[j]` of the kind studied; city-wide, a share
 * `share` = Σobserved / Σbase of appeals are of that kind, so the cell's expected count is base[j] × share and its
 * excess observed[j] − base[j] × share. The excesses sum to zero over the city, so the Gi* numerator on them is
 * exactly O − E: the neighbourhood's observed count minus its expected count. Classic Gi* would divide that by the
 * city-wide spread of the excesses, which is wrong twice over for appeal counts: a busy neighbourhood's excess
 * varies far more than a quiet one's (so every dense centre is flagged), and most cells see no appeal of a given
 * kind in a month (so one appeal in the countryside is flagged). Here O is tested against its own distribution
 * under "this kind is no more common here than city-wide": O ~ Binomial(A, share), A the neighbourhood's appeals.
 * The two-sided p-value is exact, min(1, 2·min(P(X ≥ O), P(X ≤ O))), and the z reported is the normal score with
 * that two-sided p-value, positive when O is in the upper tail, so z and p read exactly like classic Gi*.
 */
export function excessGiStar(
  observed: ArrayLike<number>,
  base: ArrayLike<number>,
  share: number,
  neighbourhoods: Neighbourhoods,
): ExcessTestResult {
  return excessTest(
    neighbourhoodSums(observed, neighbourhoods),
    neighbourhoodSums(base, neighbourhoods),
    share,
  );
}

/**
 * excessGiStar from the neighbourhood sums O (`localObserved`) and A (`localBase`) directly; the ETL computes A once
 * per month for every category that shares it.
 */
export function excessTest(
  localObserved: ArrayLike<number>,
  localBase: ArrayLike<number>,
  share: number,
): ExcessTestResult {
  const n = localObserved.length;
  const z = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  const testable = new Uint8Array(n);
  if (!(share > 0 && share < 1)) return { z, p, testable };
  // With none of the kind among a appeals the two-sided p is min(1, 2·(1 − share)^a): below this many appeals it is
  // 1, so the commonest case (no appeal of the kind nearby) needs no arithmetic.
  const emptyCanDiffer = Math.log(0.5) / Math.log1p(-share);
  for (let i = 0; i < n; i++) {
    const o = localObserved[i]!;
    const a = localBase[i]!;
    if (a === 0) continue;
    testable[i] = 1;
    if (o === 0 && a <= emptyCanDiffer) continue;
    // Only the tail on O's side of the mean can be the smaller one: a count above the mean is at or above the
    // median (|median − mean| < ln 2 for a binomial), so P(X ≤ O) ≥ ½ there, and the other way round below it.
    const above = o > a * share;
    const tail = above ? binomialUpperTail(o, a, share) : binomialLowerTail(o, a, share);
    const twoSided = Math.min(1, 2 * tail);
    p[i] = twoSided;
    if (twoSided >= 1) continue;
    const magnitude = normalUpperQuantile(twoSided / 2);
    z[i] = above ? magnitude : -magnitude;
  }
  return { z, p, testable };
}
