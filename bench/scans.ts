/**
 * Scan benchmark: one reader alone asking the questions that read every ticket of the period instead of a rollup
 * (the ticket list with and without a text search, its CSV export, the map's heat at street zoom and its points),
 * over three years of the 10-million-ticket warehouse, through the real server (`next start` on loopback). These
 * are the queries the dashboard gives every core while nothing else runs (lib/db/scan-threads.ts); run with
 * `HOTLINE_DB_THREADS=1` to see them on one thread. Prints one JSON line: milliseconds per request, each run.
 *
 *   npm run bench:scans -- [--rows 10000000] [--runs 3]
 *
 * Each run changes the last day of the range, so the answer cache cannot answer it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readerThreads, scanningThreads } from '../lib/db/read-only-warehouse';
import { buildDashboard, startDashboard } from '../tests/support/next-server';
import { scaledWarehouse } from './support/scaled-warehouse';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '3' },
  },
});
const runs = Number(values.runs);

const databasePath = await scaledWarehouse(path.resolve('tmp/bench-api'), Number(values.rows));
await buildDashboard();
const server = await startDashboard({ HOTLINE_DB: databasePath, HOTLINE_TZ: 'Asia/Shanghai' });

/** Three years ending on `lastDay` of December 2025. */
const years = (lastDay: number) => `from=2023-01-01&to=2025-12-${String(lastDay).padStart(2, '0')}`;
// A street-sized box in 宜宾's centre: what the map shows at zoom 13 and, smaller, at zoom 16.
const STREET_BOX = 'bbox=104.5,28.7,104.8,28.85&zoom=13';
const BLOCK_BOX = 'bbox=104.6,28.75,104.65,28.8&zoom=16';
const requests: Record<string, (range: string) => string> = {
  ticketList: (range) => `/api/tickets?${range}`,
  textSearch: (range) => `/api/tickets?${range}&q=${encodeURIComponent('噪音')}`,
  csvExport: (range) => `/api/tickets/export?${range}&format=csv`,
  streetHeat: (range) => `/api/map/heat?${range}&${STREET_BOX}`,
  blockPoints: (range) => `/api/map/points?${range}&${BLOCK_BOX}`,
};

const milliseconds: Record<string, number[]> = Object.fromEntries(
  Object.keys(requests).map((name) => [name, []]),
);
try {
  for (let run = 0; run < runs; run++) {
    for (const [name, url] of Object.entries(requests)) {
      const started = performance.now();
      const response = await server.fetch(`${server.url}${url(years(31 - run))}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${name} answered ${response.status}`);
      milliseconds[name]?.push(Math.round(performance.now() - started));
    }
  }
} finally {
  await server.stop();
}

console.log(
  JSON.stringify({
    bench: 'scans',
    rows: Number(values.rows),
    // What the server's instance uses (the same settings reach it through the environment).
    threads: { usual: readerThreads(), scanning: scanningThreads() },
    milliseconds,
  }),
);
