/**
 * Prediction intervals for counts, calibrated on the model's own backtest errors.
 *
 * Appeal counts vary at least as much as chance alone gives (Poisson: variance = mean) and usually more (a rainy
 * week, a news story). The spread is measured as the dispersion φ: the mean squared Pearson residual
 * (actual − predicted)² / predicted of the backtests, per horizon step. φ below 1 is raised to 1 (no forecast of a
 * count is surer than chance allows) and φ never falls as the horizon grows, so intervals widen with the horizon.
 * The interval at level q is predicted ± z_q·√(φ_h · predicted), cut at 0.
 */

export const LEVELS = { lo80: 0.8, lo95: 0.95 } as const;
const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

export interface Interval {
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/** One backtest error: which origin, how many steps ahead (1-based), the actual and the prediction. */
export interface BacktestError {
  origin: number;
  horizon: number;
  actual: number;
  predicted: number;
}

/**
 * Dispersion per horizon step (index h − 1) from backtest errors, optionally leaving out one origin (to judge an
 * interval on errors it was not calibrated on). Steps without errors take the nearest earlier step's value; with no
 * errors at all every step is 1 (Poisson).
 */
export function dispersionByHorizon(
  errors: readonly BacktestError[],
  horizon: number,
  leaveOutOrigin?: number,
): number[] {
  const sums = new Array<number>(horizon).fill(0);
  const counts = new Array<number>(horizon).fill(0);
  for (const e of errors) {
    if (e.origin === leaveOutOrigin || e.horizon > horizon) continue;
    const residual = (e.actual - e.predicted) ** 2 / Math.max(e.predicted, 1);
    sums[e.horizon - 1]! += residual;
    counts[e.horizon - 1]!++;
  }
  // Pool each step with its neighbours: a few origins per step would make the width jump from week to week.
  const out: number[] = [];
  let previous = 1;
  for (let h = 0; h < horizon; h++) {
    let s = 0;
    let n = 0;
    for (let k = Math.max(0, h - 1); k <= Math.min(horizon - 1, h + 1); k++) {
      s += sums[k]!;
      n += counts[k]!;
    }
    const phi = n > 0 ? Math.max(1, s / n) : previous;
    previous = Math.max(previous, phi);
    out.push(previous);
  }
  return out;
}

/** The interval around `mean` with dispersion `phi`. */
export function intervalAround(mean: number, phi: number): Interval {
  const m = Math.max(mean, 0);
  const sd = Math.sqrt(phi * Math.max(m, 1));
  return {
    mean: m,
    lo80: Math.max(0, m - Z80 * sd),
    hi80: m + Z80 * sd,
    lo95: Math.max(0, m - Z95 * sd),
    hi95: m + Z95 * sd,
  };
}
