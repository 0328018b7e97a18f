/**
 * Forecast accuracy measures (Hyndman & Koehler 2006). Each takes the actual and predicted values of the same
 * periods, in the same order.
 */

/** Mean absolute error. */
export function meanAbsoluteError(actual: readonly number[], predicted: readonly number[]): number {
  if (actual.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i]! - predicted[i]!);
  return sum / actual.length;
}

/**
 * The in-sample scale of MASE: the mean absolute change from one season to the next (`lag` periods apart) over the
 * history. NaN when the history is shorter than lag + 1 or never changes.
 */
export function maseScale(history: readonly number[], lag: number): number {
  if (history.length <= lag) return Number.NaN;
  let sum = 0;
  for (let i = lag; i < history.length; i++) sum += Math.abs(history[i]! - history[i - lag]!);
  const scale = sum / (history.length - lag);
  return scale > 0 ? scale : Number.NaN;
}

/**
 * Mean absolute scaled error: the mean absolute error divided by `scale` (maseScale of the series). Below 1 the
 * forecast errs less than the seasonal-naive forecast does in sample; both the chosen model and the baseline are
 * scaled by the same number, so their ratio is the ratio of their mean absolute errors.
 */
export function mase(actual: readonly number[], predicted: readonly number[], scale: number): number {
  return meanAbsoluteError(actual, predicted) / scale;
}

/**
 * Symmetric mean absolute percentage error, 0–2 (reported as 0–200%): |a − p| / ((|a| + |p|) / 2), with a period
 * where both are 0 counting as no error (a count series is often 0 in a quiet week).
 */
export function smape(actual: readonly number[], predicted: readonly number[]): number {
  if (actual.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = (Math.abs(actual[i]!) + Math.abs(predicted[i]!)) / 2;
    if (denominator > 0) sum += Math.abs(actual[i]! - predicted[i]!) / denominator;
  }
  return sum / actual.length;
}

/** Share of actual values inside [lower, upper]. */
export function coverage(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number {
  if (actual.length === 0) return Number.NaN;
  let inside = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i]! >= lower[i]! && actual[i]! <= upper[i]!) inside++;
  return inside / actual.length;
}
