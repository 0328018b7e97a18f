import type { ModelInput } from './models';
import type { ForecastStep } from './periods';

/** Multiplicative calendar effect of period t (training periods first, then the future ones). */
export interface CalendarAdjustment {
  coefficients: number[];
  factor(t: number): number;
}

/** Centred moving-average window, wide enough that one holiday barely moves it. */
const SMOOTHING_WINDOW: Record<ForecastStep, number> = { day: 21, week: 9, month: 5 };
/** Ridge penalty: with a year or two of history there are only a handful of holidays to learn from. */
const RIDGE = 0.5;

/**
 * Holiday regressors in the manner of Prophet's, estimated without Prophet (its optimiser is not installed): the
 * log ratio of each period to a centred moving average of the series is regressed (ridge) on the period's calendar
 * features (periods.ts: holidays, Spring Festival, make-up workdays, the festival's run-up, weekends), plus weekday
 * indicators for daily series so the weekly rhythm is not taken for a holiday effect. The weekday terms are not part
 * of the adjustment: the model itself forecasts the week.
 */
export function fitCalendarAdjustment(input: ModelInput): CalendarAdjustment {
  const { train, step, features } = input;
  const n = train.length;
  const logs = train.map((v) => Math.log(v + 1));
  const smooth = movingAverage(logs, SMOOTHING_WINDOW[step]);
  const calendarCount = features[0]?.length ?? 0;
  const rows: number[][] = [];
  const target: number[] = [];
  for (let t = 0; t < n; t++) {
    const row = [...features[t]!];
    if (step === 'day' && input.weekdays)
      for (let d = 1; d < 7; d++) row.push(input.weekdays[t] === d ? 1 : 0);
    row.push(1);
    rows.push(row);
    target.push(logs[t]! - smooth[t]!);
  }
  const beta = ridgeRegression(rows, target, RIDGE);
  const coefficients = beta.slice(0, calendarCount).map((b) => Math.max(-3, Math.min(3, b)));
  return {
    coefficients,
    factor(t) {
      const f = features[t] ?? [];
      let effect = 0;
      for (let k = 0; k < calendarCount; k++) effect += coefficients[k]! * (f[k] ?? 0);
      return Math.exp(effect);
    },
  };
}

function movingAverage(values: readonly number[], window: number): number[] {
  const half = Math.floor(window / 2);
  return values.map((_, i) => {
    const from = Math.max(0, i - half);
    const to = Math.min(values.length - 1, i + half);
    let sum = 0;
    for (let k = from; k <= to; k++) sum += values[k]!;
    return sum / (to - from + 1);
  });
}

/** Least squares with an L2 penalty on every coefficient but the last (the intercept). */
export function ridgeRegression(
  rows: readonly number[][],
  target: readonly number[],
  lambda: number,
): number[] {
  const p = rows[0]?.length ?? 0;
  const w = p + 1;
  // The augmented normal equations [XᵀX + λI | Xᵀy], row-major in one array.
  const a = new Float64Array(p * w);
  rows.forEach((row, i) => {
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < p; k++) a[j * w + k]! += row[j]! * row[k]!;
      a[j * w + p]! += row[j]! * target[i]!;
    }
  });
  for (let j = 0; j < p - 1; j++) a[j * w + j]! += lambda;
  // Gauss–Jordan with partial pivoting; p is at most a dozen.
  const at = (r: number, c: number) => a[r * w + c]!;
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(at(r, col)) > Math.abs(at(pivot, col))) pivot = r;
    for (let k = 0; k < w; k++) {
      const t = at(col, k);
      a[col * w + k] = at(pivot, k);
      a[pivot * w + k] = t;
    }
    const d = at(col, col);
    if (Math.abs(d) < 1e-12) continue;
    for (let k = col; k < w; k++) a[col * w + k] = at(col, k) / d;
    for (let r = 0; r < p; r++) {
      const f = at(r, col);
      if (r === col || f === 0) continue;
      for (let k = col; k < w; k++) a[r * w + k] = at(r, k) - f * at(col, k);
    }
  }
  return Array.from({ length: p }, (_, j) => (Math.abs(at(j, j)) < 1e-12 ? 0 : at(j, p)));
}
