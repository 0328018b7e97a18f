/**
 * Map benchmark (issue 6): on the 10-million-ticket warehouse, the hexagon layer at city zoom through the server
 * (total and route time, Arrow bytes and gzip bytes) for the filters readers set; and the time to compute every
 * hotspot statistic (the `hotspots` step) on a generated three-year sample city. Prints one JSON line.
 *
 *   npm run bench:map -- [--rows 10000000 | --db <warehouse>] [--requests 40] [--hotspot-tickets 250000]
 *                        [--skip-hotspots]
 *
 * The warehouse is bench:api's (tmp/bench-api), or `--db`'s; one built before the cell rollup kept the street
 * gets it first. bench:api's warehouse copies the sample's 20,000 appeals with their coordinates, so it has few
 * distinct cells and flatters the cell rollup; a generated city (`npm run sample -- --tickets 10000000`) has a
 * realistic one.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { hotspotsStep } from '../etl/analytics/hotspots';
import { builtInLayouts } from '../etl/load/layouts';
import { loadFiles } from '../etl/load/load-files';
import { refreshRollups } from '../etl/load/rollups';
import { generateSample } from '../etl/sample/generate';
import { openWarehouse, queryRows } from '../lib/db/connection';
import type { Filters } from '../lib/filters/filters';
import type { FilterOptions } from '../lib/queries/filter-options';
import { buildDashboard, startDashboard } from '../tests/support/next-server';
import { randomFilters } from './support/api-requests';
import { scaledWarehouse } from './support/scaled-warehouse';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    db: { type: 'string' },
    requests: { type: 'string', default: '40' },
    'hotspot-tickets': { type: 'string', default: '250000' },
    'skip-hotspots': { type: 'boolean', default: false },
    seed: { type: 'string', default: '3' },
  },
});

const databasePath = values.db
  ? path.resolve(values.db)
  : await scaledWarehouse(path.resolve('tmp/bench-api'), Number(values.rows));
{
  const warehouse = await openWarehouse(databasePath, { timeZone: 'Asia/Shanghai' });
  try {
    const [row] = await queryRows<{ n: number }>(
      warehouse.connection,
      "SELECT count(*)::INTEGER AS n FROM duckdb_columns() WHERE table_name = 'daily_cells' AND column_name = 'town_code'",
    );
    if (row?.n !== 1) await refreshRollups(warehouse.connection);
  } finally {
    warehouse.close();
  }
}

await buildDashboard();
const server = await startDashboard({ HOTLINE_DB: databasePath, HOTLINE_TZ: 'Asia/Shanghai' });
const CITY_BOX = '103.6,27.6,105.6,29.4';
let state = Number(values.seed);
const random = () => {
  state = (state * 48271) % 2147483647;
  return state / 2147483647;
};
const options = (await (await server.fetch(`${server.url}/api/filter-options`)).json()) as FilterOptions;
const query = (f: Filters) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]).toString();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]! * 10) / 10;
};

/**
 * One pass of `requests` hexagon requests at city zoom: the layer as it opens (the latest month, no other filter),
 * then random filters as readers set them (each pass draws new ones, so none is an answer-cache hit).
 */
async function hexagonPass(requests: number) {
  const totals: number[] = [];
  const routes: number[] = [];
  const bytes: number[] = [];
  const gzipped: number[] = [];
  /** Route time with the filters asked, to show which make the tail. */
  const asked: { routeMs: number; filters: Filters }[] = [];
  for (let i = 0; i < requests; i++) {
    const filters = i === 0 ? ({} as Filters) : randomFilters(options, random);
    const url = `${server.url}/api/map/hexagons?${query(filters)}&bbox=${CITY_BOX}&zoom=9`;
    const started = performance.now();
    const response = await server.fetch(url, { headers: { accept: 'application/vnd.apache.arrow.stream' } });
    const body = new Uint8Array(await response.arrayBuffer());
    const total = performance.now() - started;
    if (!response.ok) throw new Error(`${response.status}: ${url}`);
    totals.push(total);
    routes.push(Number(/route;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]));
    bytes.push(body.byteLength);
    gzipped.push(gzipSync(body).byteLength);
    asked.push({ routeMs: routes.at(-1)!, filters });
  }
  return {
    requests: totals.length,
    totalP50: pct(totals, 0.5),
    totalP95: pct(totals, 0.95),
    routeP50: pct(routes, 0.5),
    routeP95: pct(routes, 0.95),
    arrowBytesMax: Math.max(...bytes),
    gzipBytesMax: Math.max(...gzipped),
    slowest: asked.sort((a, b) => b.routeMs - a.routeMs).slice(0, 3),
  };
}

// A freshly started server reads each column from disk the first time a filter needs it; a dashboard that has been
// up a while has them in memory. Both are reported: the first pass, and a second pass with other filters.
const firstPass = await hexagonPass(Number(values.requests));
const warmPass = await hexagonPass(Number(values.requests));
await server.stop();

let hotspots: { tickets: number; months: number; seconds: number } | null = null;
if (!values['skip-hotspots']) {
  const dir = path.resolve('tmp/bench-map');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sample = await generateSample({
    seed: 11,
    tickets: Number(values['hotspot-tickets']),
    from: '2023-01-01',
    to: '2025-12-31',
    outDir: path.join(dir, 'exports'),
    hotlineFormat: 'csv',
  });
  const config = {
    databasePath: path.join(dir, 'warehouse.duckdb'),
    timeZone: 'Asia/Shanghai',
    regionCode: '511500',
    secretPath: path.join(dir, 'secret'),
  };
  await loadFiles(
    sample.files.flatMap((c) => c.files.map((f) => path.join(dir, 'exports', f.name))),
    { config, layouts: builtInLayouts(), analytics: false },
  );
  const warehouse = await openWarehouse(config.databasePath, { timeZone: config.timeZone });
  try {
    const started = performance.now();
    await hotspotsStep.run(warehouse.connection, { config });
    hotspots = {
      tickets: sample.tickets,
      months: 36,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    warehouse.close();
  }
}

console.log(
  JSON.stringify({
    warehouse: values.db ?? `scaled sample, ${values.rows} rows`,
    hexagonsCityZoom: { freshServer: firstPass, afterFirstPass: warmPass },
    hotspots,
  }),
);
