/**
 * Acceptance of the forecasting engine on real data nobody here generated (../shared/real-data/boston311, not part
 * of the repository or `npm test`): Boston 311 cases of 2015, one year, so daily counts with the weekly season
 * only, and no Chinese holiday calendar. For each file and both together: the model chosen by rolling-origin
 * backtest, its MASE against seasonal naive's (same weekday last week), sMAPE and 80% / 95% interval coverage.
 * Usage: npx tsx scripts/acceptance-forecasts.ts [<real-data dir>]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { forecastSeries } from '../lib/analytics/forecast/forecast-series';
import { completePeriods } from '../lib/analytics/forecast/periods';
import { queryRows } from '../lib/db/connection';
import { sqlString } from '../lib/sql/quote';

const root = path.resolve(process.argv[2] ?? '../shared/real-data');
const files = ['2015-graffiti-removal.csv', '2015-rodent-activity.csv'].map((f) =>
  path.join(root, 'boston311', f),
);
if (!files.every((f) => existsSync(f))) {
  console.error(`${files.join(', ')}: not found (this script needs the shared real-data folder)`);
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const results = [];
for (const selection of [[files[0]!], [files[1]!], files]) {
  const rows = await queryRows<{ day: string; n: number }>(
    connection,
    `SELECT strptime(OPEN_DT, '%m/%d/%Y %I:%M:%S %p')::DATE::VARCHAR AS day, count(*)::INTEGER AS n
     FROM read_csv([${selection.map(sqlString).join(', ')}], header = true, all_varchar = true)
     WHERE OPEN_DT IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  const counts = new Map(rows.map((r) => [r.day, r.n]));
  const days = completePeriods(rows[0]!.day, rows[rows.length - 1]!.day, 'day');
  const started = Date.now();
  const f = forecastSeries({
    step: 'day',
    starts: days,
    values: days.map((d) => counts.get(d) ?? 0),
    holidays: 'none',
  });
  results.push({
    series: selection.map((s) => path.basename(s, '.csv')).join(' + '),
    days: days.length,
    appeals: rows.reduce((a, r) => a + r.n, 0),
    model: f.model,
    fallback: f.fallbackReason,
    mase: f.chosen?.mase,
    baselineMase: f.baseline?.mase,
    maseRatio: f.chosen && f.baseline ? f.chosen.mase / f.baseline.mase : null,
    smape: f.chosen?.smape,
    baselineSmape: f.baseline?.smape,
    coverage80: f.chosen?.coverage80,
    coverage95: f.chosen?.coverage95,
    backtestPoints: f.backtests.length,
    seconds: (Date.now() - started) / 1000,
  });
}
connection.closeSync();
instance.closeSync();
for (const r of results) console.log(JSON.stringify(r));
