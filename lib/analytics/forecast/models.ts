import { autoEtsForecast, mstlForecast } from './augurs';
import { type CalendarAdjustment, fitCalendarAdjustment } from './holiday-regression';
import { type ForecastStep, YEAR_LENGTH } from './periods';

/**
 * The forecasting models. Each is a pure function of the training values (oldest first) and the calendar of the
 * periods (training then future), returning point forecasts for the next `horizon` periods; intervals come from
 * backtests (intervals.ts), the same way for every model, so models are compared on equal terms.
 */
export type ModelName =
  | 'seasonal_naive'
  | 'recent_mean'
  | 'ets'
  | 'seasonal_index'
  | 'seasonal_index_holidays'
  | 'mstl'
  | 'mstl_holidays';

export interface ModelInput {
  train: readonly number[];
  horizon: number;
  step: ForecastStep;
  /** Calendar features (periods.ts) of the training periods followed by the `horizon` future ones. */
  features: readonly (readonly number[])[];
  /** Day of week (0 = Monday) of each training and future period; only for daily series. */
  weekdays?: readonly number[];
}

export interface Model {
  name: ModelName;
  /** Fewest training periods the model needs. */
  minTrain(step: ForecastStep): number;
  forecast(input: ModelInput): number[];
}

/** The season the baseline repeats: a year for weeks and months, a week for days (a year of days is too noisy). */
export function baselineLag(step: ForecastStep): number {
  return step === 'day' ? 7 : YEAR_LENGTH[step];
}

/** Repeats the value one season back: the baseline every other model must beat. */
export const seasonalNaive: Model = {
  name: 'seasonal_naive',
  minTrain: baselineLag,
  forecast({ train, horizon, step }) {
    const lag = baselineLag(step);
    return Array.from({ length: horizon }, (_, h) => train[train.length - lag + (h % lag)]!);
  },
};

/** The mean of the last season (or of all there is): the honest forecast of a sparse or short series. */
export const recentMean: Model = {
  name: 'recent_mean',
  minTrain: () => 1,
  forecast({ train, horizon, step }) {
    const window = train.slice(-baselineLag(step));
    const mean = window.reduce((a, b) => a + b, 0) / window.length;
    return new Array<number>(horizon).fill(mean);
  },
};

/**
 * At most this much recent history for ETS: its level and trend adapt to the last months anyway, and the fit's cost
 * grows with the length (it is most of the step's time on a large city).
 */
const ETS_WINDOW: Record<ForecastStep, number> = { day: 365, week: 104, month: 36 };

/** augurs AutoETS on the recent series as it is: level and trend, no season. */
export const ets: Model = {
  name: 'ets',
  minTrain: () => 12,
  forecast: ({ train, horizon, step }) =>
    autoEtsForecast(train.slice(-ETS_WINDOW[step]), horizon).map((v) => Math.max(0, v)),
};

/** How many recent periods set the level of the seasonal-index forecast. */
const LEVEL_WINDOW: Record<ForecastStep, number> = { day: 28, week: 13, month: 3 };

/**
 * Classical decomposition: a multiplicative seasonal index per phase (week of year, month, or weekday for days),
 * averaged over every complete season in the training data and, for weeks, smoothed over neighbouring weeks (one
 * year of weekly counts is mostly noise week by week), times the current deseasonalised level, half from the last
 * LEVEL_WINDOW periods and half from the last season, so one odd week neither drags nor lifts the whole forecast.
 * Needs one full season; works with the one to two years a new deployment has, where MSTL needs two.
 */
export function seasonalIndexForecast(
  train: readonly number[],
  horizon: number,
  step: ForecastStep,
): number[] {
  const m = baselineLag(step);
  const season = seasonalProfile(train, step);
  if (!season) return new Array<number>(horizon).fill(0);
  let smoothed = season.index.map((v) => 1 + season.strength * (v - 1));
  if (step === 'week') smoothed = circularSmooth(smoothed, [1, 2, 3, 2, 1]);
  const norm = smoothed.reduce((a, b) => a + b, 0) / m;
  smoothed = smoothed.map((v) => v / norm);
  // Sum over sum, not a mean of ratios: a quiet month divided by its small index would blow the level up.
  const deseasonalised = (from: number) => {
    let counted = 0;
    let expected = 0;
    for (let t = Math.max(0, from); t < train.length; t++) {
      counted += train[t]!;
      expected += smoothed[t % m]!;
    }
    return expected > 0 ? counted / expected : 0;
  };
  const level =
    0.5 * deseasonalised(train.length - Math.min(LEVEL_WINDOW[step], train.length)) +
    0.5 * deseasonalised(train.length - m);
  return Array.from({ length: horizon }, (_, h) => level * smoothed[(train.length + h) % m]!);
}

/**
 * The raw seasonal index per phase (t mod season length), averaged over the complete seasons at the end of the
 * training data, and its strength: the share of the index's spread that is more than Poisson chance, 0 (no season
 * to speak of) to 1. Null without a complete season holding appeals.
 */
export function seasonalProfile(
  train: readonly number[],
  step: ForecastStep,
): { index: number[]; strength: number } | null {
  const m = baselineLag(step);
  const cycles = Math.floor(train.length / m);
  const offset = train.length - cycles * m;
  const index = new Array<number>(m).fill(0);
  let used = 0;
  let total = 0;
  for (let c = 0; c < cycles; c++) {
    const cycle = train.slice(offset + c * m, offset + (c + 1) * m);
    const mean = cycle.reduce((a, b) => a + b, 0) / m;
    if (mean <= 0) continue;
    for (let p = 0; p < m; p++) index[(offset + c * m + p) % m]! += cycle[p]! / mean;
    used++;
    total += mean;
  }
  if (used === 0) return null;
  const raw = index.map((v) => v / used);
  return { index: raw, strength: seasonStrength(raw, total / used, used) };
}

/**
 * How much of the seasonal indices' spread is more than chance: an index from a phase with mean μ over c seasons
 * varies by about 1/(c·μ) from Poisson noise alone. The indices are shrunk towards 1 by this weight, so quiet
 * series get flatter seasons while a planted surge of several times the normal level survives almost untouched.
 */
export function seasonStrength(index: readonly number[], meanPerPeriod: number, seasons: number): number {
  if (meanPerPeriod <= 0) return 0;
  const noise = 1 / (seasons * meanPerPeriod);
  const spread = index.reduce((a, v) => a + (v - 1) ** 2, 0) / index.length;
  const signal = Math.max(0, spread - noise);
  return signal / (signal + noise);
}

function circularSmooth(values: readonly number[], kernel: readonly number[]): number[] {
  const half = (kernel.length - 1) / 2;
  const total = kernel.reduce((a, b) => a + b, 0);
  return values.map((_, i) => {
    let sum = 0;
    for (let k = 0; k < kernel.length; k++)
      sum += kernel[k]! * values[(i + k - half + values.length) % values.length]!;
    return sum / total;
  });
}

export const seasonalIndex: Model = {
  name: 'seasonal_index',
  minTrain: baselineLag,
  forecast: ({ train, horizon, step }) => seasonalIndexForecast(train, horizon, step),
};

/** MSTL periods for a series of this length: the week for days, plus the year when there are two years. */
export function mstlPeriods(step: ForecastStep, length: number): number[] {
  const periods = step === 'day' ? [7] : [];
  if (length >= 2 * YEAR_LENGTH[step]) periods.push(YEAR_LENGTH[step]);
  return periods;
}

export const mstl: Model = {
  name: 'mstl',
  minTrain: (step) => (step === 'day' ? 28 : 2 * YEAR_LENGTH[step]),
  forecast({ train, horizon, step }) {
    const periods = mstlPeriods(step, train.length);
    if (periods.length === 0) throw new Error('MSTL needs two full seasons');
    return mstlForecast(train, periods, horizon).map((v) => Math.max(0, v));
  },
};

/**
 * The same model on the series with the calendar taken out: holiday effects are estimated by a ridge regression
 * (holiday-regression.ts), the series divided by them, the model fitted and forecast, and the future periods'
 * effects multiplied back in. Spring Festival falls in January or February and in different weeks each year; a
 * seasonal model alone would put last year's festival dip in the wrong week.
 */
export function withHolidays(model: Model, name: ModelName): Model {
  return {
    name,
    minTrain: model.minTrain,
    forecast(input) {
      const adjustment: CalendarAdjustment = fitCalendarAdjustment(input);
      const adjusted = input.train.map((v, t) => (v + 1) / adjustment.factor(t) - 1);
      const forecast = model.forecast({ ...input, train: adjusted });
      return forecast.map((v, h) => Math.max(0, (v + 1) * adjustment.factor(input.train.length + h) - 1));
    },
  };
}

export const seasonalIndexHolidays = withHolidays(seasonalIndex, 'seasonal_index_holidays');
export const mstlHolidays = withHolidays(mstl, 'mstl_holidays');
