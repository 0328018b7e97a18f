/**
 * ETL benchmark: the full pipeline (hash → read → normalise → reject → merge → rollups → publish) on N generated
 * 12345 work orders, against its floor measured in the same run: DuckDB's own read_csv of the same file into a
 * table. Prints one JSON line. The derived analytics (etl/analytics: hotspots, forecasts, ...) are not part of the
 * load pipeline the ratio measures; with --analytics they run after it on the loaded warehouse and their seconds
 * are printed beside it.
 *
 * With --breakdown it also measures what the pipeline cannot do without, so that its ratio can be read against
 * it: writing the loaded tickets as stored (a copy of the tickets table into a fresh database file, no
 * computation), added to the stages that stage, validate and roll up. That sum over the floor
 * (`withoutNormalisingRatio`) is the ratio the pipeline would have if every normalising expression (timestamps,
 * masks, caller keys, regions, coordinates, H3) cost nothing; `withoutStagingOrNormalisingRatio` puts a bare parse
 * of the file (every value as text, nothing stored) in place of the staging table as well.
 *
 *   npm run bench:etl -- [--rows 1000000] [--keep] [--analytics] [--breakdown]
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runAnalytics } from '../etl/analytics/steps';
import { builtInLayouts } from '../etl/load/layouts';
import { loadFiles } from '../etl/load/load-files';
import { openWarehouse } from '../lib/db/connection';
import { writeBenchWorkorders } from './support/workorder-csv';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    keep: { type: 'boolean', default: false },
    analytics: { type: 'boolean', default: false },
    breakdown: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
// BENCH_DIR lets two checkouts bench side by side (each run deletes its directory).
const dir = path.resolve(process.env.BENCH_DIR ?? 'tmp/bench-etl');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const csv = path.join(dir, `workorders-${rows}.csv`);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

const generateStarted = Date.now();
await writeBenchWorkorders(csv, rows);
const generateSeconds = (Date.now() - generateStarted) / 1000;

// The floor: DuckDB parsing the same file into a table, nothing else.
const floorDb = await openWarehouse(path.join(dir, 'floor.duckdb'));
const floorStarted = Date.now();
await floorDb.connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}')`);
const floorSeconds = (Date.now() - floorStarted) / 1000;
// Parsing alone, every value read as text and none stored: what a pipeline without a staging table would pay.
let parseOnlySeconds = 0;
if (values.breakdown) {
  const parseStarted = Date.now();
  await floorDb.connection.run(`SELECT max(COLUMNS(*)) FROM read_csv('${csv}', all_varchar = true)`);
  parseOnlySeconds = (Date.now() - parseStarted) / 1000;
}
floorDb.close();
peakRss = 0;

const config = {
  databasePath: path.join(dir, 'warehouse.duckdb'),
  timeZone: 'Asia/Shanghai',
  regionCode: '511500',
  secretPath: path.join(dir, 'secret'),
};
const started = Date.now();
const cpuStarted = process.cpuUsage();
const outcome = await loadFiles([csv], { config, layouts: builtInLayouts(), analytics: false });
const pipelineSeconds = (Date.now() - started) / 1000;
// CPU seconds of this process (DuckDB's threads included): steadier than wall time on a shared machine.
const cpu = process.cpuUsage(cpuStarted);
clearInterval(sampler);
const result = outcome.results[0];
if (result?.status !== 'loaded') throw new Error(`load failed: ${result?.message}`);

let breakdown: Record<string, number> | undefined;
if (values.breakdown) {
  const warehouse = await openWarehouse(config.databasePath);
  try {
    const copy = path.join(dir, 'tickets-copy.duckdb');
    await warehouse.connection.run(`ATTACH '${copy}' AS tickets_copy`);
    const writeStarted = Date.now();
    await warehouse.connection.run('CREATE TABLE tickets_copy.tickets AS SELECT * FROM tickets');
    await warehouse.connection.run('DETACH tickets_copy');
    const writeTicketsSeconds = (Date.now() - writeStarted) / 1000;
    const stage = (name: string) => outcome.timings[name] ?? 0;
    const withoutNormalising =
      stage('read') + stage('validate') + stage('reject') + writeTicketsSeconds + stage('rollups');
    const withoutStaging = withoutNormalising - stage('read') + parseOnlySeconds;
    breakdown = {
      parseOnlySeconds,
      writeTicketsSeconds,
      withoutNormalisingSeconds: Number(withoutNormalising.toFixed(2)),
      withoutNormalisingRatio: Number((withoutNormalising / floorSeconds).toFixed(2)),
      withoutStagingOrNormalisingRatio: Number((withoutStaging / floorSeconds).toFixed(2)),
      normalisingExpressionsSeconds: Number((stage('normalise') - writeTicketsSeconds).toFixed(2)),
    };
  } finally {
    warehouse.close();
  }
}

let analyticsSeconds: Record<string, number> | undefined;
if (values.analytics) {
  const warehouse = await openWarehouse(config.databasePath, { timeZone: config.timeZone });
  try {
    analyticsSeconds = {};
    for (const phase of ['tickets', 'derived'] as const) {
      Object.assign(analyticsSeconds, await runAnalytics(warehouse.connection, { config }, true, phase));
    }
  } finally {
    warehouse.close();
  }
}

console.log(
  JSON.stringify({
    bench: 'etl',
    rows,
    fileMB: Math.round(statSync(csv).size / 1e6),
    generateSeconds,
    floorReadCsvSeconds: floorSeconds,
    pipelineSeconds,
    pipelineCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    ratioToReadCsv: Number((pipelineSeconds / floorSeconds).toFixed(2)),
    rowsPerSecond: Math.round(rows / pipelineSeconds),
    peakRssMB: Math.round(peakRss / 1e6),
    stages: Object.fromEntries(Object.entries(outcome.timings).map(([k, v]) => [k, Number(v.toFixed(2))])),
    loaded: result.loaded,
    rejected: result.rejected,
    ...(breakdown ? { breakdown } : {}),
    ...(analyticsSeconds ? { analyticsSeconds } : {}),
  }),
);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
