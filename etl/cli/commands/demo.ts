import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFirstAdmin } from '../../../lib/auth/first-admin';
import { loadAuthSettings } from '../../../lib/auth/settings';
import { loadConfig } from '../../../lib/config';
import { openWarehouse, queryRows } from '../../../lib/db/connection';
import { builtInLayouts } from '../../load/layouts';
import { loadFiles } from '../../load/load-files';
import { parseCommandArgs } from '../args';

const SAMPLES = fileURLToPath(new URL('../../../data-samples/', import.meta.url));

/** The export files of the committed sample, as its ground truth lists them. */
export function sampleExports(folder = SAMPLES): string[] {
  const truth = JSON.parse(readFileSync(path.join(folder, 'ground-truth.json'), 'utf8')) as {
    files: { files: { name: string }[] }[];
  };
  return truth.files.flatMap((channel) => channel.files.map((f) => path.join(folder, f.name)));
}

async function ticketCount(databasePath: string): Promise<number> {
  if (!existsSync(databasePath)) return 0;
  const warehouse = await openWarehouse(databasePath, { readOnly: true });
  try {
    const [row] = await queryRows<{ n: number }>(
      warehouse.connection,
      'SELECT count(*)::INTEGER AS n FROM tickets',
    );
    return row?.n ?? 0;
  } catch {
    return 0;
  } finally {
    warehouse.close();
  }
}

/** A new installation has no accounts: the demo creates the administrator and says how to sign in. */
async function firstAdmin(): Promise<void> {
  const created = await ensureFirstAdmin(loadAuthSettings().accountsPath);
  if (!created) return;
  process.stdout.write(
    [
      '',
      `  Sign in as "${created.username}" with the password ${created.password}`,
      `  (kept in ${created.file}; change it with "npm run users -- passwd ${created.username}", then delete the file)`,
      '',
      '',
    ].join('\n'),
  );
}

/** Builds the sample-city warehouse from the committed data-samples/, unless it is already there. */
export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' }, force: { type: 'boolean' } });
  const config = loadConfig();
  const databasePath = path.resolve(values.db ?? config.databasePath);
  await firstAdmin();
  const existing = await ticketCount(databasePath);
  if (existing > 0 && !values.force) {
    process.stdout.write(
      `${databasePath} already holds ${existing.toLocaleString('en-US')} tickets (--force rebuilds)\n`,
    );
    return 0;
  }
  const outcome = await loadFiles(sampleExports(), {
    config: { ...config, databasePath },
    layouts: builtInLayouts(),
    onFile: (r) =>
      process.stdout.write(
        `${r.status} ${r.file}: loaded ${r.loaded}, rejected ${r.rejected}${r.message ? ` (${r.message})` : ''}\n`,
      ),
  });
  if (outcome.analyticsError) process.stderr.write(`${outcome.analyticsError}\n`);
  return outcome.results.some((r) => r.status === 'failed') || outcome.analyticsError ? 1 : 0;
}
