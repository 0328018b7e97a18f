import type { BacktestError } from './intervals';
import type { Model, ModelInput } from './models';
import type { ForecastStep } from './periods';

/** How far back the backtest origins reach, and how many periods apart they are. */
const BACKTEST_SPAN: Record<ForecastStep, number> = { day: 364, week: 52, month: 12 };
const ORIGIN_STRIDE: Record<ForecastStep, number> = { day: 28, week: 4, month: 1 };

/** Fewest periods a backtest must be able to check: a new deployment gets a forecast once it has this much. */
export const MIN_BACKTEST_PERIODS: Record<ForecastStep, number> = { day: 7, week: 4, month: 3 };

/**
 * Rolling origins: training lengths, the latest first, `ORIGIN_STRIDE` apart over the last `BACKTEST_SPAN`
 * periods, none shorter than `minTrain`. The latest leaves a full horizon to check; when the series is too short
 * for that, it leaves MIN_BACKTEST_PERIODS, and those windows are checked as far as the data go.
 */
export function rollingOrigins(
  length: number,
  horizon: number,
  minTrain: number,
  step: ForecastStep,
): number[] {
  const origins: number[] = [];
  let latest = length - horizon;
  if (latest < minTrain) latest = length - MIN_BACKTEST_PERIODS[step];
  const earliest = Math.max(minTrain, latest - BACKTEST_SPAN[step]);
  for (let o = latest; o >= earliest; o -= ORIGIN_STRIDE[step]) origins.push(o);
  return origins;
}

/** A model's forecasts from each origin against what happened. */
export function backtest(
  model: Model,
  series: Omit<ModelInput, 'train' | 'horizon'> & { values: readonly number[] },
  origins: readonly number[],
  horizon: number,
): BacktestError[] {
  const errors: BacktestError[] = [];
  for (const origin of origins) {
    const predicted = model.forecast({
      train: series.values.slice(0, origin),
      horizon,
      step: series.step,
      features: series.features.slice(0, origin + horizon),
      weekdays: series.weekdays?.slice(0, origin + horizon),
    });
    for (let h = 1; h <= horizon && origin + h <= series.values.length; h++) {
      errors.push({
        origin,
        horizon: h,
        actual: series.values[origin + h - 1]!,
        predicted: predicted[h - 1]!,
      });
    }
  }
  return errors;
}
