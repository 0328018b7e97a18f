import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { forecastMany } from '../../lib/analytics/forecast/forecast-pool';
import type { SeriesForecast } from '../../lib/analytics/forecast/forecast-series';
import { FORECAST_STEPS } from '../../lib/analytics/forecast/periods';
import { buildProactiveCalendar, type CalendarEntry } from '../../lib/analytics/forecast/proactive-calendar';
import { type LoadedSeries, loadSeries } from '../../lib/analytics/forecast/series';
import { execute, queryRows } from '../../lib/db/connection';
import type { AnalyticsStep } from './steps';

/** Time zones of mainland China: deployments there get the Chinese public-holiday calendar. */
const CHINA_TIME_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Urumqi', 'PRC']);

/**
 * Fits, backtests and stores a forecast for every series worth forecasting (lib/analytics/forecast), and the
 * proactive calendar built from them. Tables: docs/warehouse.md, "Forecast tables"; method: docs/forecasts.md.
 */
export const forecastsStep: AnalyticsStep = {
  name: 'forecasts',
  description: 'seasonal forecasts with backtests per category and district, and the 未诉先办 calendar',
  phase: 'derived',
  async run(connection, context) {
    // The holiday models know mainland China's calendar only; a deployment elsewhere (US 311) goes without them.
    const holidays = CHINA_TIME_ZONES.has(context.config.timeZone) ? 'china' : 'none';
    const series: LoadedSeries[] = [];
    let started = Date.now();
    for (const step of FORECAST_STEPS)
      series.push(...(await loadSeries(connection, step, context.config.regionCode)));
    context.onProgress?.(`forecasts: ${series.length} series read in ${(Date.now() - started) / 1000} s`);
    started = Date.now();
    // All steps in one pool run: the workers start once (lib/analytics/forecast/forecast-pool.ts).
    const forecasts = await forecastMany(series.map((s) => ({ ...s, holidays })));
    const fitted = series.map((s, i) => ({ series: s, forecast: forecasts[i] as SeriesForecast }));
    context.onProgress?.(`forecasts: fitted and backtested in ${(Date.now() - started) / 1000} s`);
    started = Date.now();
    const departments = await usualDepartments(connection);
    context.onProgress?.(`forecasts: departments in ${(Date.now() - started) / 1000} s`);
    started = Date.now();
    const calendar = buildProactiveCalendar(
      fitted.filter((f) => f.series.step === 'month'),
      departments,
    );
    await writeTables(connection, fitted, calendar);
    context.onProgress?.(`forecasts: tables written in ${(Date.now() - started) / 1000} s`);
  },
};

/** The departments that handled most of each (district or city, second-level category) in the last year. */
async function usualDepartments(connection: DuckDBConnection): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ region: string | null; category_l2: string; departments: string[] }>(
    connection,
    `WITH recent AS (
       SELECT county_code, category_l2, department, sum(tickets) AS tickets
       FROM daily_counts
       WHERE department IS NOT NULL AND category_l2 IS NOT NULL
         AND day > (SELECT max(day) FROM daily_counts) - INTERVAL 365 DAY
       GROUP BY GROUPING SETS ((county_code, category_l2, department), (category_l2, department))
     )
     SELECT county_code AS region, category_l2,
            list(department ORDER BY tickets DESC, department)[1:3] AS departments
     FROM recent
     GROUP BY ALL`,
  );
  return new Map(rows.map((r) => [`${r.region ?? 'city'}:${r.category_l2}`, r.departments]));
}

const TABLES = `
CREATE OR REPLACE TABLE forecast_series (
  series_id VARCHAR PRIMARY KEY, step VARCHAR NOT NULL, region_code VARCHAR NOT NULL, region_level VARCHAR NOT NULL,
  category_level INTEGER NOT NULL, category_code VARCHAR NOT NULL, model VARCHAR NOT NULL, fallback_reason VARCHAR,
  history_length INTEGER NOT NULL, history_start DATE, history_end DATE, appeals INTEGER NOT NULL,
  mase DOUBLE, smape DOUBLE, coverage80 DOUBLE, coverage95 DOUBLE,
  baseline_model VARCHAR, baseline_mase DOUBLE, baseline_smape DOUBLE, baseline_coverage80 DOUBLE,
  baseline_coverage95 DOUBLE, candidates VARCHAR, latest_period DATE, latest_actual INTEGER,
  latest_expected DOUBLE, latest_lo80 DOUBLE, latest_hi80 DOUBLE, latest_lo95 DOUBLE, latest_hi95 DOUBLE,
  fitted_at TIMESTAMP NOT NULL);
CREATE OR REPLACE TABLE forecast_points (
  series_id VARCHAR NOT NULL, period_start DATE NOT NULL, kind VARCHAR NOT NULL, actual INTEGER,
  mean DOUBLE, lo80 DOUBLE, hi80 DOUBLE, lo95 DOUBLE, hi95 DOUBLE);
CREATE OR REPLACE TABLE forecast_backtests (
  series_id VARCHAR NOT NULL, origin DATE NOT NULL, period_start DATE NOT NULL, horizon INTEGER NOT NULL,
  actual INTEGER NOT NULL, predicted DOUBLE NOT NULL, baseline DOUBLE,
  lo80 DOUBLE, hi80 DOUBLE, lo95 DOUBLE, hi95 DOUBLE);
CREATE OR REPLACE TABLE forecast_calendar (
  region_code VARCHAR NOT NULL, region_level VARCHAR NOT NULL, category_code VARCHAR NOT NULL,
  category_l1 VARCHAR NOT NULL, series_id VARCHAR NOT NULL, month DATE NOT NULL, months_ahead INTEGER NOT NULL,
  expected DOUBLE NOT NULL, expected_hi80 DOUBLE NOT NULL, normal DOUBLE NOT NULL, rise DOUBLE NOT NULL,
  rise_start DATE NOT NULL, lead_days INTEGER NOT NULL, act_by DATE NOT NULL, departments VARCHAR[] NOT NULL,
  model VARCHAR NOT NULL, mase DOUBLE);`;

/** Replaces all four tables in one transaction, so the dashboard never sees forecasts from two runs. */
async function writeTables(
  connection: DuckDBConnection,
  fitted: readonly { series: LoadedSeries; forecast: SeriesForecast }[],
  calendar: readonly CalendarEntry[],
): Promise<void> {
  await execute(connection, 'BEGIN TRANSACTION');
  try {
    for (const ddl of TABLES.split(';').filter((s) => s.trim())) await execute(connection, ddl);
    // Dates travel as ISO text: the appender casts each value to its column's type.
    const fittedAt = new Date().toISOString().slice(0, 19).replace('T', ' ');
    await appendAll(connection, 'forecast_series', fitted, (a, { series: s, forecast: f }) => {
      appendRow(a, [
        s.id,
        s.step,
        s.regionCode,
        s.regionLevel,
        s.categoryLevel,
        s.categoryCode,
        f.model,
        f.fallbackReason,
        f.historyLength,
        s.starts[0] ?? null,
        s.starts[s.starts.length - 1] ?? null,
        s.total,
        f.chosen?.mase,
        f.chosen?.smape,
        f.chosen?.coverage80,
        f.chosen?.coverage95,
        f.baseline?.model,
        f.baseline?.mase,
        f.baseline?.smape,
        f.baseline?.coverage80,
        f.baseline?.coverage95,
        JSON.stringify(f.candidates),
        f.latest?.periodStart,
        f.latest?.actual,
        f.latest?.expected.mean,
        f.latest?.expected.lo80,
        f.latest?.expected.hi80,
        f.latest?.expected.lo95,
        f.latest?.expected.hi95,
        fittedAt,
      ]);
    });
    await appendAll(
      connection,
      'forecast_points',
      fitted.flatMap(({ series: s, forecast: f }) => [
        ...s.values.map((v, t) => [s.id, s.starts[t]!, 'history', v, null, null, null, null, null]),
        ...f.forecast.map((p) => [
          s.id,
          p.periodStart,
          'forecast',
          null,
          p.mean,
          p.lo80,
          p.hi80,
          p.lo95,
          p.hi95,
        ]),
      ]),
      appendRow,
    );
    await appendAll(
      connection,
      'forecast_backtests',
      fitted.flatMap(({ series: s, forecast: f }) =>
        f.backtests.map((b) => [
          s.id,
          b.origin,
          b.periodStart,
          b.horizon,
          b.actual,
          b.interval.mean,
          b.baseline,
          b.interval.lo80,
          b.interval.hi80,
          b.interval.lo95,
          b.interval.hi95,
        ]),
      ),
      appendRow,
    );
    await appendAll(connection, 'forecast_calendar', calendar, (a, c) => {
      appendRow(a, [
        c.regionCode,
        c.regionLevel,
        c.categoryCode,
        c.categoryL1,
        c.seriesId,
        c.month,
        c.monthsAhead,
        c.expected,
        c.expectedHi80,
        c.normal,
        c.rise,
        c.riseStart,
        c.leadDays,
        c.actBy,
      ]);
      a.appendList(c.departments);
      appendRow(a, [c.model, c.mase]);
    });
    await execute(connection, 'COMMIT');
  } catch (error) {
    await execute(connection, 'ROLLBACK');
    throw error;
  }
}

type Cell = string | number | null | undefined;

/**
 * Appends values to the current row by their JS type (whole numbers as INTEGER, others as DOUBLE, text as VARCHAR,
 * null, undefined and non-finite numbers as NULL); DuckDB casts each to its column's type (ISO text to DATE).
 */
function appendRow(appender: DuckDBAppender, cells: readonly Cell[]): void {
  for (const cell of cells) {
    if (cell === null || cell === undefined || (typeof cell === 'number' && !Number.isFinite(cell))) {
      appender.appendNull();
    } else if (typeof cell === 'number') {
      if (Number.isInteger(cell)) appender.appendInteger(cell);
      else appender.appendDouble(cell);
    } else appender.appendVarchar(cell);
  }
}

async function appendAll<T>(
  connection: DuckDBConnection,
  table: string,
  rows: readonly T[],
  write: (appender: DuckDBAppender, row: T) => void,
): Promise<void> {
  const appender = await connection.createAppender(table);
  for (const row of rows) {
    write(appender, row);
    appender.endRow();
  }
  appender.closeSync();
}
