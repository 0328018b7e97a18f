/**
 * Acceptance on real exports nobody here wrote (../shared/real-data, not part of the repository or `npm test`):
 * every file loads with its built-in layout, each summary balances, and every rejection has a reason.
 * Usage: npm run acceptance:real [-- <real-data dir>]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatTable } from '../etl/cli/table';
import { builtInLayouts } from '../etl/load/layouts';
import { loadFiles } from '../etl/load/load-files';
import type { DeploymentConfig } from '../lib/config';
import { openWarehouse, queryRows } from '../lib/db/connection';

const root = path.resolve(process.argv[2] ?? '../shared/real-data');
if (!existsSync(root)) {
  console.error(`${root}: not found (this script needs the shared real-data folder)`);
  process.exit(2);
}

const DATASETS: { name: string; timeZone: string; files: string[] }[] = [
  {
    name: 'nyc311',
    timeZone: 'America/New_York',
    files: ['nyc311/ui-export-2022-05-01.csv', 'nyc311/soda-api-2024-04-15.csv'],
  },
  { name: 'la311', timeZone: 'America/Los_Angeles', files: ['la311/seed-2020-01.csv'] },
  {
    name: 'boston311',
    timeZone: 'America/New_York',
    files: ['boston311/2015-graffiti-removal.csv', 'boston311/2015-rodent-activity.csv'],
  },
  {
    name: 'teddy2020c',
    timeZone: 'Asia/Shanghai',
    files: [
      'teddy2020c/labelled-495.csv',
      'teddy2020c/labelled-495.xlsx',
      'teddy2020c/labelled-495.gb18030.csv',
    ],
  },
];

const work = mkdtempSync(path.join(os.tmpdir(), 'atlas-real-'));
const table: (string | number | null)[][] = [];
let problems = 0;
for (const dataset of DATASETS) {
  const config: DeploymentConfig = {
    databasePath: path.join(work, `${dataset.name}.duckdb`),
    timeZone: dataset.timeZone,
    regionCode: '',
    secretPath: path.join(work, 'secret'),
  };
  const outcome = await loadFiles(
    dataset.files.map((f) => path.join(root, f)),
    { config, layouts: builtInLayouts() },
  );
  const warehouse = await openWarehouse(config.databasePath, { readOnly: true, timeZone: config.timeZone });
  const [noReason] = await queryRows<{ n: number }>(
    warehouse.connection,
    "SELECT count(*)::INTEGER AS n FROM rejected_rows WHERE reason IS NULL OR reason = ''",
  );
  const reasons = await queryRows<{ reason: string; n: number }>(
    warehouse.connection,
    "SELECT regexp_replace(reason, ' \\d+.*| [:].*', '') AS reason, count(*)::INTEGER AS n FROM rejected_rows GROUP BY 1 ORDER BY 2 DESC",
  );
  const [shares] = await queryRows<{ categorised: number; located: number; tickets: number }>(
    warehouse.connection,
    `SELECT count(category_code)::INTEGER AS categorised, count(lon)::INTEGER AS located, count(*)::INTEGER AS tickets
     FROM tickets`,
  );
  warehouse.close();
  if (shares) {
    const pct = (n: number) => `${((100 * n) / Math.max(1, shares.tickets)).toFixed(1)}%`;
    console.log(
      `${dataset.name}: ${shares.tickets} tickets, ${pct(shares.categorised)} on the taxonomy, ${pct(shares.located)} with coordinates`,
    );
  }
  for (const r of outcome.results) {
    const balances = r.read === r.loaded + r.updated + r.unchanged + r.rejected;
    if (r.status === 'failed' || !balances) problems++;
    table.push([
      r.file,
      r.layout ?? '-',
      r.status,
      r.read,
      r.loaded,
      r.updated,
      r.unchanged,
      r.rejected,
      r.outOfArea,
      balances ? 'yes' : 'NO',
      r.message,
    ]);
  }
  if ((noReason?.n ?? 0) > 0) problems++;
  console.log(
    `${dataset.name}: rejections by reason: ${reasons.map((r) => `${r.reason} ×${r.n}`).join('; ') || 'none'}`,
  );
}
console.log(
  `\n${formatTable(
    [
      'file',
      'layout',
      'status',
      'read',
      'loaded',
      'updated',
      'unchanged',
      'rejected',
      'coords invalid',
      'balances',
      'note',
    ],
    table,
  )}`,
);
rmSync(work, { recursive: true, force: true });
console.log(problems === 0 ? '\nall real files loaded and balanced' : `\n${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
