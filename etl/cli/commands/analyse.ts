import path from 'node:path';
import { loadConfig } from '../../../lib/config';
import { ANALYTICS_STEPS } from '../../analytics/steps';
import { refreshDerived } from '../../load/load-files';
import { openWorkingCopy } from '../../load/publish';
import { openWriter } from '../../load/writer';
import { parseCommandArgs } from '../args';

/**
 * Rebuilds every rollup and the derived analytics without loading a file (after changing a setting, or to run one
 * step alone with --only). Writes a working copy and publishes it like a load, so the dashboard keeps running.
 */
export async function analyseCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' }, only: { type: 'string' } });
  const config = loadConfig();
  const databasePath = path.resolve(values.db ?? config.databasePath);
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const working = openWorkingCopy(databasePath);
  const timings: Record<string, number> = {};
  let error: string | undefined;
  try {
    const writer = await openWriter(working.workingPath, { ...config, databasePath });
    try {
      ({ analyticsError: error } = await refreshDerived(
        writer.connection,
        {
          config: { ...config, databasePath },
          analytics: only ?? true,
          onStage: (_file, stage) => process.stdout.write(`${stage}\n`),
          rollupScope: 'all',
        },
        timings,
      ));
      await writer.checkpoint();
    } finally {
      writer.close();
    }
    working.publish();
  } catch (e) {
    working.abandon();
    throw e;
  }
  for (const [stage, seconds] of Object.entries(timings)) {
    process.stdout.write(`${stage.padEnd(28)} ${seconds.toFixed(1)} s\n`);
  }
  if (error) process.stderr.write(`${error}\n`);
  process.stdout.write(
    `steps available: ${ANALYTICS_STEPS.map((s) => `${s.name} (${s.description})`).join('; ') || '(none yet)'}\n`,
  );
  return error ? 1 : 0;
}
