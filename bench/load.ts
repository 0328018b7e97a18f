/**
 * Load benchmark (issue 11): many readers on the overview and map APIs of the 10-million-ticket warehouse while an
 * ETL load of 100,000 tickets runs into the same warehouse, all on loopback through `next start`. Reports
 * throughput, p50/p95/p99 latency, errors by status, how long the load took, and whether its rows are visible
 * through the API afterwards. Prints one JSON line.
 *
 *   npm run bench:load -- [--rows 10000000] [--connections 50] [--seconds 60] [--load-rows 100000] [--shared 0.5]
 *                         [--map-box screen|city] [--load-month 2025-12]
 *
 * Each reader sends its next request as soon as the last is answered (no think time), which is harsher than people.
 * `--shared` is the share of requests that are the views as everyone opens them (this month, city-wide); the rest
 * carry random filters (bench/support/api-requests.ts), as analysts set them. Requests are made as the dashboard's
 * browser makes them: gzip accepted, the map's hexagon and heat layers asked for as Arrow (app/ui/data/map-queries.ts),
 * everything else as JSON.
 * The warehouse is a copy of bench:api's (tmp/bench-api, built on first use, about five minutes), so loading into
 * it leaves bench:api's file as it was. The loaded tickets are spread over three years (a re-export of the whole
 * history: the load rebuilds every rollup), or with --load-month fall in that month (a routine monthly export: the
 * load recounts only that month's days, etl/load/rollups-changed.ts). The load runs without the derived analytics (--no-analytics): on 10M
 * tickets they take longer than the minute measured here; bench:etl -- --analytics times them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Filters } from '../lib/filters/filters';
import type { FilterOptions } from '../lib/queries/filter-options';
import { buildDashboard, startDashboard } from '../tests/support/next-server';
import { randomFilters, requestKinds } from './support/api-requests';
import { keepAliveClient } from './support/http-client';
import { processCpu } from './support/process-cpu';
import { scaledWarehouse } from './support/scaled-warehouse';
import { writeBenchWorkorders } from './support/workorder-csv';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    'load-rows': { type: 'string', default: '100000' },
    'load-after': { type: 'string', default: '5' },
    seed: { type: 'string', default: '7' },
    shared: { type: 'string', default: '0.5' },
    'map-box': { type: 'string', default: 'screen' },
    'load-month': { type: 'string' },
  },
});
/** The share of requests that open a view as it opens for everyone (this month, city-wide); the rest are random. */
const shared = Number(values.shared);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const loadRows = Number(values['load-rows']);

const dir = path.resolve('tmp/bench-load');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const source = await scaledWarehouse(path.resolve('tmp/bench-api'), Number(values.rows));
const databasePath = path.join(dir, 'warehouse.duckdb');
copyFileSync(source, databasePath);
const csv = path.join(dir, `workorders-${loadRows}.csv`);
const loadMonth = values['load-month'];
await writeBenchWorkorders(
  csv,
  loadRows,
  loadMonth
    ? {
        from: `${loadMonth}-01`,
        days: new Date(
          Date.UTC(Number(loadMonth.slice(0, 4)), Number(loadMonth.slice(5, 7)), 0),
        ).getUTCDate(),
      }
    : undefined,
);

const env = {
  HOTLINE_DB: databasePath,
  HOTLINE_TZ: 'Asia/Shanghai',
  HOTLINE_SECRET_FILE: path.join(dir, 'secret'),
};
await buildDashboard();
const server = await startDashboard(env);

// The map box of the sample city, and the zooms a reader moves through.
const CITY_BOX = '103.6,27.8,105.4,29.3';
const ZOOMS = [9, 10, 11, 12, 13];
/** The map panel of a 1440 × 900 screen, in pixels: what the map asks for is the box it shows. */
const SCREEN = { width: 1100, height: 650 };

/**
 * The box a reader's map asks for at `zoom`: the panel's size at that zoom (Web Mercator, 256 px per tile at zoom
 * 0), around a random place in the city. `--map-box city` asks for the whole city at every zoom instead, as runs
 * before session 7 did: a harsher request than any screen makes from zoom 11 on.
 */
function mapBox(zoom: number): string {
  if (values['map-box'] === 'city') return CITY_BOX;
  const [west, south, east, north] = CITY_BOX.split(',').map(Number) as [number, number, number, number];
  const lon = west + random() * (east - west);
  const lat = south + random() * (north - south);
  const degreesPerPixel = 360 / (256 * 2 ** zoom);
  const halfLon = (SCREEN.width / 2) * degreesPerPixel;
  const halfLat = (SCREEN.height / 2) * degreesPerPixel * Math.cos((lat * Math.PI) / 180);
  return [lon - halfLon, lat - halfLat, lon + halfLon, lat + halfLat].map((v) => v.toFixed(5)).join(',');
}
const ALL_TIME = 'from=2010-01-01&to=2029-12-31';
const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

let state = 1;
const random = () => {
  state = (state * 48271 + Number(values.seed)) % 2147483647;
  return state / 2147483647;
};

const options = (await (await server.fetch(`${server.url}/api/filter-options`)).json()) as FilterOptions;
const overview = requestKinds().filter((k) => k.view === 'overview');
const query = (filters: Filters) =>
  new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();

/**
 * A request a reader of the overview or the map makes: the overview's five, or a map layer at some zoom. A share
 * `--shared` of them are the views as they open (no filter: the latest month, city-wide), the rest random filters.
 */
function nextUrl(): string {
  const filters = random() < shared ? ({} as Filters) : randomFilters(options, random);
  if (random() < 0.6) return overview[Math.floor(random() * overview.length)]!.url(filters);
  const opening = Object.keys(filters).length === 0;
  const zoom = opening ? 9 : ZOOMS[Math.floor(random() * ZOOMS.length)]!;
  const layer = ['hexagons', 'heat', 'regions'][Math.floor(random() * 3)];
  return layer === 'regions'
    ? `/api/map/regions?${query(filters)}`
    : `/api/map/${layer}?${query(filters)}&bbox=${opening ? CITY_BOX : mapBox(zoom)}&zoom=${zoom}`;
}

async function totalAppeals(): Promise<number> {
  const response = await server.fetch(`${server.url}/api/kpis?${ALL_TIME}`);
  if (!response.ok) throw new Error(`/api/kpis answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { current: { appeals: number } }).current.appeals;
}

const before = await totalAppeals();
const latencies: number[] = [];
/** Latencies by route (and zoom for the map layers), to show which requests make the tail. */
const byKind = new Map<string, number[]>();
const errors: Record<string, number> = {};
let loadChild: ChildProcess | null = null;
let loadSeconds: number | null = null;
let loadExit: number | null = null;
let loadOutput = '';
const loadDone = new Promise<void>((resolve) => {
  setTimeout(() => {
    const started = performance.now();
    // As a city would schedule it beside a live dashboard: at the lowest CPU priority (docs/etl.md), so readers
    // come first and the load takes the cycles they leave. Linux shares the CPU between sessions before it looks
    // at nice (autogroups), so the load gets a session of its own whose group is niced too.
    loadChild = spawn(
      'sh',
      [
        '-c',
        'echo 19 > /proc/self/autogroup 2>/dev/null; exec nice -n 19 "$@"',
        'sh',
        process.execPath,
        '--import',
        'tsx',
        'etl/cli/main.ts',
        'load',
        csv,
        '--db',
        databasePath,
        '--no-analytics',
      ],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    loadChild.stdout?.on('data', (d) => {
      loadOutput += d;
    });
    loadChild.stderr?.on('data', (d) => {
      loadOutput += d;
    });
    loadChild.on('exit', (code) => {
      loadSeconds = (performance.now() - started) / 1000;
      loadExit = code;
      resolve();
    });
  }, Number(values['load-after']) * 1000);
});

const get = keepAliveClient(connections, server.cookie);
const deadline = performance.now() + seconds * 1000;
const cpuBefore = process.cpuUsage();
const serverCpuBefore = processCpu(server.pid);
async function reader(): Promise<void> {
  while (performance.now() < deadline) {
    const path = nextUrl();
    const url = `${server.url}${path}`;
    // The dashboard's map asks for its hexagon and heat layers as Arrow (app/ui/data/map-queries.ts), the rest as JSON.
    const accept = /^\/api\/map\/(hexagons|heat)\?/.test(path) ? ARROW_STREAM : undefined;
    const zoom = /zoom=(\d+)/.exec(path)?.[1];
    const kind = `${path.split('?')[0]}${zoom ? `@${zoom}` : ''}`;
    const started = performance.now();
    try {
      const { status } = await get(url, accept);
      const latency = performance.now() - started;
      latencies.push(latency);
      const ofKind = byKind.get(kind);
      if (ofKind) ofKind.push(latency);
      else byKind.set(kind, [latency]);
      if (status < 200 || status > 299) errors[String(status)] = (errors[String(status)] ?? 0) + 1;
    } catch (error) {
      latencies.push(performance.now() - started);
      const key = (error as Error).name;
      errors[key] = (errors[key] ?? 0) + 1;
    }
  }
}
const readStarted = performance.now();
await Promise.all(Array.from({ length: connections }, reader));
const readSeconds = (performance.now() - readStarted) / 1000;
const clientCpu = process.cpuUsage(cpuBefore);
const serverCpuAfter = processCpu(server.pid);
const serverShare = (key: keyof typeof serverCpuAfter) =>
  Math.round(((serverCpuAfter[key] - serverCpuBefore[key]) / readSeconds) * 100) / 100;
const loadFinishedDuringReads = loadSeconds !== null;
await loadDone;
// The dashboard checks for a newly published file at most once a second.
await new Promise((resolve) => setTimeout(resolve, 1500));
const after = await totalAppeals();
const loaded = Number(/loaded (\d+)/.exec(loadOutput.replace(/,/g, ''))?.[1] ?? Number.NaN);
await server.stop();

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 10) / 10;
console.log(
  JSON.stringify({
    rows: Number(values.rows),
    connections,
    shared,
    mapBox: values['map-box'],
    seconds: Math.round(readSeconds * 10) / 10,
    requests: latencies.length,
    throughput: Math.round((latencies.length / readSeconds) * 10) / 10,
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    max: Math.round(latencies.at(-1)! * 10) / 10,
    errors,
    /** The share of one core this client used while reading: CPU the server did not have. */
    clientCpuShare: Math.round(((clientCpu.user + clientCpu.system) / 1e6 / readSeconds) * 100) / 100,
    /** Cores the dashboard used while readers ran (DuckDB's threads included), and the share of one its main thread used. */
    serverCores: serverShare('total'),
    serverMainThreadShare: serverShare('mainThread'),
    load: {
      rows: loadRows,
      month: loadMonth ?? 'three years',
      rollups: /rollups: (.*)/.exec(loadOutput)?.[1] ?? null,
      seconds: loadSeconds,
      exit: loadExit,
      finishedDuringReads: loadFinishedDuringReads,
    },
    visible: { before, after, loaded, ok: after - before === loaded },
    byKind: Object.fromEntries(
      [...byKind]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, xs]) => {
          xs.sort((a, b) => a - b);
          return [
            k,
            {
              n: xs.length,
              p50: Math.round(xs[Math.floor(xs.length / 2)]!),
              p95: Math.round(xs[Math.floor(xs.length * 0.95)]!),
            },
          ];
        }),
    ),
  }),
);
if (loadExit !== 0) process.stderr.write(loadOutput.slice(-3000));
