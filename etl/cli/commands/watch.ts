import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../../lib/config';
import { builtInLayouts, resolveLayout } from '../../load/layouts';
import { loadFiles } from '../../load/load-files';
import type { FileLoadResult } from '../../load/load-log';
import { parseCommandArgs } from '../args';

const LOADABLE = /\.(csv|tsv|txt|xlsx|json|ndjson|jsonl|parquet)$/i;

function describe(r: FileLoadResult): string {
  return [
    `file: ${r.file}`,
    `status: ${r.status}`,
    r.message ? `reason: ${r.message}` : null,
    `read ${r.read}, loaded ${r.loaded}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}`,
    r.rejected > 0 ? `see: npm run etl -- rejected --file ${r.file}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Files in the inbox whose size has not changed for `settleMs` (a file still being copied in is left alone). */
function settledFiles(inbox: string, settleMs: number): string[] {
  const now = Date.now();
  return readdirSync(inbox)
    .filter((name) => LOADABLE.test(name))
    .map((name) => path.join(inbox, name))
    .filter((file) => {
      const stat = statSync(file, { throwIfNoEntry: false });
      return stat?.isFile() && now - stat.mtimeMs >= settleMs;
    })
    .sort();
}

function moveBeside(file: string, folder: string, note: string, suffix: string): void {
  mkdirSync(folder, { recursive: true });
  const target = path.join(folder, path.basename(file));
  renameSync(file, target);
  writeFileSync(`${target}.${suffix}.txt`, `${note}\n`);
}

/** Loads files as they arrive in an inbox folder, one file per load, moving each to done/ or failed/. */
export async function watchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    source: { type: 'string' },
    interval: { type: 'string' },
    once: { type: 'boolean' },
  });
  const inbox = positionals[0];
  if (!inbox || !existsSync(inbox)) throw new Error('watch: give an existing inbox folder');
  const intervalMs = Number(values.interval ?? 5) * 1000;
  const config = loadConfig();
  const databasePath = path.resolve(values.db ?? config.databasePath);
  const layout = values.source ? resolveLayout(values.source) : undefined;
  process.stdout.write(`watching ${path.resolve(inbox)} → ${databasePath} (Ctrl-C to stop)\n`);
  for (;;) {
    for (const file of settledFiles(inbox, values.once ? 0 : 2000)) {
      let result: FileLoadResult | undefined;
      let failure: string | undefined;
      try {
        const outcome = await loadFiles([file], {
          config: { ...config, databasePath },
          layouts: builtInLayouts(),
          layout,
        });
        result = outcome.results[0];
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      if (result && result.status !== 'failed') {
        moveBeside(file, path.join(inbox, 'done'), describe(result), 'summary');
        process.stdout.write(
          `done    ${path.basename(file)}: loaded ${result.loaded}, rejected ${result.rejected}\n`,
        );
      } else {
        const reason = result ? describe(result) : `file: ${path.basename(file)}\nreason: ${failure}`;
        moveBeside(file, path.join(inbox, 'failed'), reason, 'reason');
        process.stdout.write(`failed  ${path.basename(file)}: ${result?.message ?? failure}\n`);
      }
    }
    if (values.once) return 0;
    await sleep(intervalMs);
  }
}
