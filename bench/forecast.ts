/**
 * Forecast benchmark: the `forecasts` ETL step on the sample city scaled to `--rows` tickets (bench/support/
 * scaled-warehouse.ts, built once under tmp/bench-api), timed in its stages: reading every series from the rollups,
 * fitting and backtesting them (the worker pool, `--threads` or all cores), and writing the four tables. Then the
 * accuracy table from what the step stored: per step, the series forecast and those that fell back, the median
 * MASE of the chosen model against seasonal naive's over series with two years of history, and the 80% / 95%
 * interval coverage of the backtests. Prints one JSON line.
 *
 * The scaled warehouse spans the sample's two years, too short for MSTL to be tried; `--db` runs the step on any
 * warehouse instead, such as a 3-year generated city (docs/forecasts.md, "Speed"). The step rewrites that
 * warehouse's forecast tables in place, so point it at a copy you can spare.
 *
 *   npm run bench:forecast -- [--rows 10000000 | --db <warehouse.duckdb>] [--threads 2]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { forecastsStep } from '../etl/analytics/forecasts';
import { YEAR_LENGTH } from '../lib/analytics/forecast/periods';
import { openWarehouse, queryRows } from '../lib/db/connection';
import { scaledWarehouse } from './support/scaled-warehouse';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    db: { type: 'string' },
    threads: { type: 'string' },
  },
});
const rows = Number(values.rows);
if (values.threads) process.env.HOTLINE_FORECAST_THREADS = values.threads;

const databasePath = values.db
  ? path.resolve(values.db)
  : await scaledWarehouse(path.resolve('tmp/bench-api'), rows);
const warehouse = await openWarehouse(databasePath, { timeZone: 'Asia/Shanghai' });
const { connection } = warehouse;

const stages: Record<string, number> = {};
let stageStarted = performance.now();
const cpuBefore = process.cpuUsage();
const started = performance.now();
await forecastsStep.run(connection, {
  config: {
    databasePath,
    timeZone: 'Asia/Shanghai',
    regionCode: '511500',
    secretPath: path.resolve('tmp/bench-api/secret'),
  },
  // The step reports each stage as it ends ("forecasts: <stage> in N s"); the bench keeps its own clock.
  onProgress(message) {
    const stage = /^forecasts: (?:\d+ )?(.+?) in /.exec(message)?.[1] ?? message;
    const now = performance.now();
    stages[stage] = round((now - stageStarted) / 1000);
    stageStarted = now;
  },
});
const wholeSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);

// Two years of history: the issue's bar for the accuracy comparison (tests/analytics/forecasts.test.ts, same rule).
const accuracy = await queryRows<{
  step: string;
  series: number;
  fallbacks: number;
  twoYears: number;
  medianMaseRatio: number | null;
  models: string;
}>(
  connection,
  `SELECT step, count(*)::INTEGER AS series, count(fallback_reason)::INTEGER AS fallbacks,
          count(*) FILTER (compared)::INTEGER AS "twoYears",
          round(median(mase / baseline_mase) FILTER (compared AND baseline_mase > 0), 3) AS "medianMaseRatio",
          (SELECT string_agg(model || ' ' || n, ', ' ORDER BY n DESC)
           FROM (SELECT model, count(*) AS n FROM forecast_series i WHERE i.step = o.step GROUP BY model)) AS models
   FROM (SELECT *, fallback_reason IS NULL AND history_length >= 2 * CASE step ${Object.entries(YEAR_LENGTH)
     .map(([step, periods]) => `WHEN '${step}' THEN ${periods}`)
     .join(' ')} END AS compared
         FROM forecast_series) o
   GROUP BY step ORDER BY step`,
);
const coverage = await queryRows<{
  step: string;
  backtestPoints: number;
  coverage80: number;
  coverage95: number;
}>(
  connection,
  `SELECT s.step, count(*)::INTEGER AS "backtestPoints",
          round(avg((b.actual BETWEEN b.lo80 AND b.hi80)::INTEGER), 3) AS coverage80,
          round(avg((b.actual BETWEEN b.lo95 AND b.hi95)::INTEGER), 3) AS coverage95
   FROM forecast_backtests b JOIN forecast_series s USING (series_id)
   WHERE s.fallback_reason IS NULL GROUP BY s.step ORDER BY s.step`,
);
const [size] = await queryRows<{ tickets: number; firstDay: string; lastDay: string }>(
  connection,
  `SELECT count(*)::INTEGER AS tickets, min(received_at)::DATE::VARCHAR AS "firstDay",
          max(received_at)::DATE::VARCHAR AS "lastDay" FROM tickets`,
);
const [calendar] = await queryRows<{ entries: number }>(
  connection,
  'SELECT count(*)::INTEGER AS entries FROM forecast_calendar',
);
warehouse.close();

console.log(
  JSON.stringify({
    ...size,
    threads: Number(process.env.HOTLINE_FORECAST_THREADS) || 'all cores',
    wholeStepSeconds: round(wholeSeconds),
    wholeStepCpuSeconds: round((cpu.user + cpu.system) / 1e6),
    stages,
    accuracy: accuracy.map((a) => ({ ...a, ...coverage.find((c) => c.step === a.step) })),
    calendarEntries: calendar?.entries,
  }),
);

function round(x: number, digits = 2): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
