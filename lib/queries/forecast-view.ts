import { readRows } from '../db/read-only-warehouse';

/** The steps forecasts are stored at; days only for the city's total. */
export const FORECAST_VIEW_STEPS = ['week', 'month', 'day'] as const;
export type ForecastViewStep = (typeof FORECAST_VIEW_STEPS)[number];

/** Which stored series to show: the city (region null) or a district, all appeals (category null) or a category. */
export interface ForecastSelection {
  step: ForecastViewStep;
  region: string | null;
  category: string | null;
}

/** How one model did in the backtests (stored in forecast_series.candidates). */
export interface CandidateScore {
  model: string;
  mase: number;
  smape: number;
  coverage80: number;
  coverage95: number;
}

/** One stored series with its model, fallback reason and backtest scores (forecast_series). */
export interface ForecastSeriesSummary {
  seriesId: string;
  step: ForecastViewStep;
  regionCode: string;
  regionLevel: 'city' | 'district';
  regionName: string | null;
  categoryCode: string;
  categoryZh: string | null;
  categoryEn: string | null;
  model: string;
  fallbackReason: string | null;
  historyLength: number;
  appeals: number;
  mase: number | null;
  smape: number | null;
  coverage80: number | null;
  coverage95: number | null;
  baselineModel: string | null;
  baselineMase: number | null;
  baselineSmape: number | null;
  baselineCoverage95: number | null;
  candidates: CandidateScore[];
  fittedAt: string;
}

/** A period of history (actual) or of the forecast (mean and intervals). */
export interface ForecastPoint {
  periodStart: string;
  kind: 'history' | 'forecast';
  actual: number | null;
  mean: number | null;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
}

/** What the chosen model said from an earlier origin, against what happened. */
export interface ForecastBacktestPoint {
  origin: string;
  periodStart: string;
  horizon: number;
  actual: number;
  predicted: number;
  baseline: number | null;
  lo95: number;
  hi95: number;
}

/** Month of year (1–12): its average appeals in the history and that average ÷ the average month. */
export interface SeasonalProfileMonth {
  month: number;
  average: number;
  index: number;
}

/**
 * Fewest appeals in the latest period for an alert: 4 appeals against 1 expected is beyond a Poisson 95% interval
 * but is nothing to act on.
 */
export const MIN_ALERT_APPEALS = 10;

/** A series whose latest period is above the 95% interval the model expected one step ahead. */
export interface ForecastAlert {
  seriesId: string;
  categoryCode: string;
  categoryZh: string | null;
  categoryEn: string | null;
  periodStart: string;
  actual: number;
  expected: number;
  hi95: number;
}

export type ForecastView =
  | { status: 'not_built' }
  | {
      status: 'ok';
      /** The district forecasts are shown for when a street or town was picked (there are none per street). */
      regionFromTown: string | null;
      series: ForecastSeriesSummary | null;
      points: ForecastPoint[];
      backtests: ForecastBacktestPoint[];
      profile: SeasonalProfileMonth[];
      alerts: ForecastAlert[];
    };

const SUMMARY_COLUMNS = `s.series_id AS "seriesId", s.step, s.region_code AS "regionCode",
  s.region_level AS "regionLevel", r.name AS "regionName", s.category_code AS "categoryCode",
  c.name_zh AS "categoryZh", c.name_en AS "categoryEn", s.model, s.fallback_reason AS "fallbackReason",
  s.history_length AS "historyLength", s.appeals, s.mase, s.smape, s.coverage80, s.coverage95,
  s.baseline_model AS "baselineModel", s.baseline_mase AS "baselineMase", s.baseline_smape AS "baselineSmape",
  s.baseline_coverage95 AS "baselineCoverage95", s.candidates, strftime(s.fitted_at, '%Y-%m-%d %H:%M') AS "fittedAt"`;

/** The series condition for a place: the city's row, or the district's. Fixed text; values are bound. */
function placeWhere(region: string | null): string {
  return region ? "s.region_level = 'district' AND s.region_code = $region" : "s.region_level = 'city'";
}

/**
 * Everything the forecast view shows for one selection, read from the tables the forecasts step stores
 * (docs/warehouse.md, "Forecast tables"): the series, its history and forecast, its backtests, the seasonal profile
 * of its monthly series and the alerts of its place. `not_built` when the step has not run on this warehouse.
 */
export async function fetchForecastView(selection: ForecastSelection): Promise<ForecastView> {
  const [built] = await readRows<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'forecast_series'",
  );
  if (!built?.n) return { status: 'not_built' };
  const district = selection.region ? selection.region.slice(0, 6) : null;
  const place: Record<string, string> = district ? { region: district } : {};
  const category = selection.category ?? 'all';
  const [raw] = await readRows<Omit<ForecastSeriesSummary, 'candidates'> & { candidates: string | null }>(
    `SELECT ${SUMMARY_COLUMNS}
     FROM forecast_series s LEFT JOIN regions r ON r.code = s.region_code LEFT JOIN categories c ON c.code = s.category_code
     WHERE s.step = $step AND s.category_code = $category AND ${placeWhere(district)}`,
    { step: selection.step, category, ...place },
  );
  const series = raw ? { ...raw, candidates: JSON.parse(raw.candidates ?? '[]') as CandidateScore[] } : null;
  const id = { id: series?.seriesId ?? '' };
  const [points, backtests, profile, alerts] = await Promise.all([
    readRows<ForecastPoint>(
      `SELECT strftime(period_start, '%Y-%m-%d') AS "periodStart", kind, actual, mean, lo80, hi80, lo95, hi95
       FROM forecast_points WHERE series_id = $id ORDER BY period_start`,
      id,
    ),
    readRows<ForecastBacktestPoint>(
      `SELECT strftime(origin, '%Y-%m-%d') AS origin, strftime(period_start, '%Y-%m-%d') AS "periodStart",
              horizon, actual, predicted, baseline, lo95, hi95
       FROM forecast_backtests WHERE series_id = $id ORDER BY origin, period_start`,
      id,
    ),
    readRows<SeasonalProfileMonth>(
      `WITH monthly AS (
         SELECT month(p.period_start)::INTEGER AS month, avg(p.actual) AS average
         FROM forecast_points p JOIN forecast_series s USING (series_id)
         WHERE s.step = 'month' AND s.category_code = $category AND ${placeWhere(district)} AND p.kind = 'history'
         GROUP BY 1)
       SELECT month, average, average / nullif(avg(average) OVER (), 0) AS index FROM monthly ORDER BY month`,
      { category, ...place },
    ),
    readRows<ForecastAlert>(
      `SELECT s.series_id AS "seriesId", s.category_code AS "categoryCode", c.name_zh AS "categoryZh",
              c.name_en AS "categoryEn", strftime(s.latest_period, '%Y-%m-%d') AS "periodStart",
              s.latest_actual AS actual, s.latest_expected AS expected, s.latest_hi95 AS "hi95"
       FROM forecast_series s LEFT JOIN categories c ON c.code = s.category_code
       WHERE s.step = $step AND ${placeWhere(district)} AND s.latest_actual > s.latest_hi95
         AND s.latest_actual >= $minAlert
       ORDER BY s.latest_actual - s.latest_hi95 DESC, s.category_code`,
      { step: selection.step, minAlert: MIN_ALERT_APPEALS, ...place },
    ),
  ]);
  return {
    status: 'ok',
    regionFromTown: selection.region && selection.region.length > 6 ? selection.region : null,
    series,
    points,
    backtests,
    profile,
    alerts,
  };
}
