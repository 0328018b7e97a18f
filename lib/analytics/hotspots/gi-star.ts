import type { Neighbourhoods } from './neighbourhoods';
import { MAX_ABS_Z, twoSidedP } from './normal';

/** Per cell: the Gi* z-score and its two-sided p-value. */
export interface LocalTestResult {
  z: Float64Array;
  p: Float64Array;
}

/**
 * Getis-Ord Gi* (Ord & Getis 1995) with binary weights over each cell's neighbourhood (itself included):
 *
 *   Gi* = (Σ_{j∈N(i)} x_j − X̄·W_i) / (S · √((n·W_i − W_i²) / (n − 1)))
 *
 * with n cells, X̄ the mean and S = √(Σx²/n − X̄²) the standard deviation of all n values, and W_i = |N(i)| (for
 * binary weights Σw = Σw² = W_i). Gi* is itself a z-score: its mean and variance under random relabelling of the
 * cells are 0 and 1, and its p-value here is the two-sided normal tail, as in ArcGIS and PySAL's analytical
 * inference. When every value is the same (S = 0) nothing stands out: z = 0, p = 1.
 *
 * The normal tail is trustworthy when values are not dominated by zeros; for sparse counts use excessGiStar.
 * Written here because no JavaScript package computes it (the known implementations are Python and R: PySAL esda,
 * spdep).
 */
export function getisOrdGiStar(values: ArrayLike<number>, neighbourhoods: Neighbourhoods): LocalTestResult {
  const n = values.length;
  const z = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  if (n < 2) return { z, p };
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    sumSquares += values[i]! * values[i]!;
  }
  const mean = sum / n;
  const variance = sumSquares / n - mean * mean;
  // Relative threshold: a variance this small is rounding error of equal values.
  if (!(variance > 1e-12 * Math.max(1, mean * mean))) return { z, p };
  const sd = Math.sqrt(variance);
  const { start, members } = neighbourhoods;
  for (let i = 0; i < n; i++) {
    let local = 0;
    for (let m = start[i]!; m < start[i + 1]!; m++) local += values[members[m]!]!;
    const w = start[i + 1]! - start[i]!;
    const denominator = sd * Math.sqrt((n * w - w * w) / (n - 1));
    if (!(denominator > 0)) continue;
    const score = Math.max(-MAX_ABS_Z, Math.min(MAX_ABS_Z, (local - mean * w) / denominator));
    z[i] = score;
    p[i] = twoSidedP(score);
  }
  return { z, p };
}
