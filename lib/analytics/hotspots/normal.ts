/**
 * The standard normal distribution, for turning hotspot and trend z-scores into p-values and back.
 *
 * Written here rather than taken from a package: no statistics library is installed, and the two functions below are
 * a few lines each with published accuracy (Numerical Recipes' Chebyshev erfc, relative error < 1.2e-7 over the
 * whole line, so tail probabilities of 1e-20 keep their digits; Acklam's quantile refined by one Halley step on that
 * erfc, so z-scores are good to about 1e-7). Ample for p-values and for ranking z-scores.
 */

/** Complementary error function erfc(x), relative error < 1.2e-7 for every x. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(-z * z + poly);
  return x >= 0 ? value : 2 - value;
}

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Two-sided p-value of a z-score: P(|Z| ≥ |z|). */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}

/** The largest |z| reported: P(Z > 37.5) is about 4.6e-308, the smallest tail a double holds. */
export const MAX_ABS_Z = 37.5;

const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/**
 * The z with P(Z > z) = `upper` (the inverse of normalUpperTail), clamped to ±MAX_ABS_Z when the tail is 0 or 1
 * (a probability that underflowed).
 */
export function normalUpperQuantile(upper: number): number {
  if (!(upper > 0)) return MAX_ABS_Z;
  if (upper >= 1) return -MAX_ABS_Z;
  // Acklam's rational approximation of the lower-tail quantile Φ⁻¹(p) with p = 1 − upper, computed from the
  // smaller tail so that tiny upper tails keep their precision.
  const p = Math.min(upper, 1 - upper);
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
      (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  }
  // x approximates Φ⁻¹(p) for the lower tail p (negative when p < 0.5). One Halley step on the tail function.
  const e = 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  x = x - u / (1 + (x * u) / 2);
  // P(Z > z) = upper ⇔ z = −Φ⁻¹(upper); when upper was the larger tail, p = 1 − upper and z = Φ⁻¹(p).
  const z = upper <= 0.5 ? -x : x;
  return Math.max(-MAX_ABS_Z, Math.min(MAX_ABS_Z, z));
}
