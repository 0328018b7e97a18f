/**
 * API benchmark: every overview and trends request under random filters on a large warehouse, through the real
 * server (`next start` on loopback) and, in the same run, the same question asked directly of lib/queries (DuckDB
 * in this process, no HTTP, no JSON). Prints one JSON line: p50/p95 per request, the API's overhead as the ratio of
 * its p50 to the direct p50, and where the API's time goes: the route handler's own time (its Server-Timing header:
 * parse, query, serialise) and the rest (Next.js and HTTP).
 *
 *   npm run bench:api -- [--rows 10000000] [--requests 60] [--concurrency 1]
 *
 * The warehouse is the sample city scaled up (bench/support/scaled-warehouse.ts), built once under tmp/bench-api.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Filters } from '../lib/filters/filters';
import { buildDashboard, startDashboard } from '../tests/support/next-server';
import { type RequestKind, randomFilters, requestKinds } from './support/api-requests';
import { scaledWarehouse } from './support/scaled-warehouse';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    requests: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
  },
});
const rows = Number(values.rows);
const rounds = Number(values.requests);
const concurrency = Number(values.concurrency);

const databasePath = await scaledWarehouse(path.resolve('tmp/bench-api'), rows);
process.env.HOTLINE_DB = databasePath;
process.env.HOTLINE_TZ = 'Asia/Shanghai';
const kinds = requestKinds();
const { fetchFilterOptions } = await import('../lib/queries/filter-options');
const options = await fetchFilterOptions();

await buildDashboard();
const server = await startDashboard({ HOTLINE_DB: databasePath, HOTLINE_TZ: 'Asia/Shanghai' });

const timings: Record<string, { api: number[]; direct: number[]; route: number[] }> = Object.fromEntries(
  kinds.map((k) => [k.name, { api: [], direct: [], route: [] }]),
);
const random = seeded(Number(values.seed));

/** Milliseconds of the whole request; the route's own share (Server-Timing) goes into `routeTimes`. */
async function timeApi(kind: RequestKind, filters: Filters, routeTimes?: number[]): Promise<number> {
  const started = performance.now();
  const response = await server.fetch(`${server.url}${kind.url(filters)}`);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${kind.name} ${response.status}: ${kind.url(filters)}`);
  const route = /route;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
  if (route && routeTimes) routeTimes.push(Number(route[1]));
  return performance.now() - started;
}

async function timeDirect(kind: RequestKind, filters: Filters): Promise<number> {
  const started = performance.now();
  await kind.direct(filters);
  return performance.now() - started;
}

try {
  // Warm-up: the first queries pay for opening the file and reading its blocks.
  for (const kind of kinds) {
    const filters = randomFilters(options, random);
    await timeApi(kind, filters);
    await timeDirect(kind, filters);
  }
  for (let round = 0; round < rounds; round++) {
    const filters = randomFilters(options, random);
    for (const kind of kinds) {
      const entry = timings[kind.name] as { api: number[]; direct: number[]; route: number[] };
      // Alternate which goes first so neither always finds the other's blocks in cache.
      if (round % 2 === 0) {
        entry.api.push(await timeApi(kind, filters, entry.route));
        entry.direct.push(await timeDirect(kind, filters));
      } else {
        entry.direct.push(await timeDirect(kind, filters));
        entry.api.push(await timeApi(kind, filters, entry.route));
      }
    }
  }
  // Concurrent readers: `concurrency` clients each asking the whole overview at once, as a page load does.
  const pageLoads: number[] = [];
  if (concurrency > 1) {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = 0; i < Math.ceil(rounds / concurrency); i++) {
          const filters = randomFilters(options, random);
          const started = performance.now();
          await Promise.all(kinds.filter((k) => k.view === 'overview').map((k) => timeApi(k, filters)));
          pageLoads.push(performance.now() - started);
        }
      }),
    );
  }

  const perRequest = Object.fromEntries(
    Object.entries(timings).map(([name, t]) => {
      const api = summary(t.api);
      const direct = summary(t.direct);
      // Next.js and HTTP: the request's time outside the route handler, per request.
      const transport = summary(t.api.map((ms, i) => ms - (t.route[i] ?? 0)));
      return [
        name,
        {
          apiP50: api.p50,
          apiP95: api.p95,
          directP50: direct.p50,
          directP95: direct.p95,
          routeP50: summary(t.route).p50,
          transportP50: transport.p50,
          overhead: round2(api.p50 / direct.p50),
        },
      ];
    }),
  );
  const all = Object.values(perRequest);
  console.log(
    JSON.stringify({
      bench: 'api',
      rows,
      requestsPerKind: rounds,
      worstApiP95Ms: Math.max(...all.map((r) => r.apiP95)),
      worstOverhead: Math.max(...all.map((r) => r.overhead)),
      perRequest,
      ...(pageLoads.length ? { concurrency, overviewPageLoad: summary(pageLoads) } : {}),
    }),
  );
} finally {
  await server.stop();
}
process.exit(0);

function summary(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: round2(at(0.5)), p95: round2(at(0.95)) };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
