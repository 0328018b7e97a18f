/**
 * Handling-quality benchmark: the `handling` ETL step on the sample city scaled to `--rows` tickets
 * (bench/support/scaled-warehouse.ts, built once under tmp/bench-api), timed in its two parts: the SQL that
 * stores dispatch paths, bounce pairs and reopen flags, and the dispatch suggestion's training with its backtest.
 * The floor is DuckDB copying the columns the SQL part reads into a table, measured in the same run. Then the p95
 * of a suggestion request (suggestDispatch, the POST route's body: validation, scoring, supporting tickets) over
 * appeal texts drawn from the warehouse. Prints one JSON line.
 *
 *   npm run bench:handling -- --rows 1000000 --requests 200
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { handlingStep } from '../etl/analytics/handling';
import { HANDLING_PARAMETERS as P } from '../lib/analytics/handling/parameters';
import { BOUNCES_SQL, PATHS_SQL } from '../lib/analytics/handling/paths-sql';
import { CLOSURES_SQL } from '../lib/analytics/handling/reopen-sql';
import { execute, openWarehouse, queryRows } from '../lib/db/connection';
import { scaledWarehouse } from './support/scaled-warehouse';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '200' },
  },
});
const rows = Number(values.rows);
const requests = Number(values.requests);

// The same scaled warehouses as bench:api and bench:map (a 10M one takes minutes to build).
const databasePath = await scaledWarehouse(path.resolve('tmp/bench-api'), rows);
const seconds = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};

const warehouse = await openWarehouse(databasePath, { timeZone: 'Asia/Shanghai' });
const { connection } = warehouse;
const floor = await seconds(() =>
  execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE floor_copy AS
     SELECT ticket_id, department, co_departments, dispatch_count, returned, escalated, closed_at, category_l2,
            caller_key, place_key, received_at, satisfaction, resolved FROM tickets`,
  ),
);
const paths = await seconds(async () => {
  await execute(connection, PATHS_SQL(P.fastClosureMinutes));
  await execute(connection, BOUNCES_SQL);
});
const closures = await seconds(() => execute(connection, CLOSURES_SQL(P.reopenSearchDays)));
const cpuBefore = process.cpuUsage();
const step = await seconds(() =>
  handlingStep.run(connection, {
    config: {
      databasePath,
      timeZone: 'Asia/Shanghai',
      regionCode: '511500',
      secretPath: path.resolve('tmp/bench-handling/secret'),
    },
  }),
);
const cpu = process.cpuUsage(cpuBefore);
const [backtest] = await queryRows<{ tickets: number; top1: number; top3: number }>(
  connection,
  'SELECT tickets, top1, top3 FROM dispatch_backtest',
);
const samples = await queryRows<{ text: string; category_l2: string | null; county_code: string | null }>(
  connection,
  `SELECT concat_ws(' ', title, content) AS text, category_l2, county_code FROM tickets
   WHERE department IS NOT NULL USING SAMPLE ${Math.max(requests, 10)} ROWS (reservoir, 7)`,
);
warehouse.close();

process.env.HOTLINE_DB = databasePath;
process.env.HOTLINE_TZ = 'Asia/Shanghai';
const { suggestDispatch } = await import('../lib/queries/dispatch-suggest');
const body = (s: (typeof samples)[number]) => ({
  text: s.text,
  ...(s.category_l2 ? { category: s.category_l2 } : {}),
  ...(s.county_code ? { region: s.county_code } : {}),
});
const loadModel = await seconds(() => suggestDispatch(body(samples[0]!)));
const latencies: number[] = [];
for (const s of samples.slice(0, requests))
  latencies.push((await seconds(() => suggestDispatch(body(s)))) * 1000);
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

console.log(
  JSON.stringify({
    rows,
    floorCopySeconds: round(floor),
    pathsAndBouncesSeconds: round(paths),
    reopenFlagsSeconds: round(closures),
    sqlRatioToFloor: round((paths + closures) / floor),
    wholeStepSeconds: round(step),
    wholeStepCpuSeconds: round((cpu.user + cpu.system) / 1e6),
    dispatchBacktest: backtest,
    modelLoadSeconds: round(loadModel),
    suggestionRequests: latencies.length,
    suggestionP50Ms: round(at(0.5)),
    suggestionP95Ms: round(at(0.95)),
    suggestionMaxMs: round(latencies[latencies.length - 1]!),
  }),
);
