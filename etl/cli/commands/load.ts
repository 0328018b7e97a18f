import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../lib/config';
import { builtInLayouts, resolveLayout } from '../../load/layouts';
import { loadFiles } from '../../load/load-files';
import type { RollupRefresh } from '../../load/rollups';
import { parseCommandArgs } from '../args';
import { createProgress } from '../progress';
import { formatTable } from '../table';

const LOADABLE = /\.(csv|tsv|txt|xlsx|json|ndjson|jsonl|parquet)$/i;

/** Files named on the command line, directories expanded to their loadable files in name order. */
export function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    const stat = statSync(input, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${input}: no such file or directory`);
    if (!stat.isDirectory()) return [input];
    return readdirSync(input)
      .filter((name) => LOADABLE.test(name))
      .sort()
      .map((name) => path.join(input, name));
  });
}

function describeRefresh(refresh: RollupRefresh): string {
  return refresh.scope === 'changed'
    ? `recounted ${refresh.days} day(s) holding ${refresh.tickets} tickets`
    : `rebuilt in full (${refresh.reason})`;
}

export async function loadCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    source: { type: 'string' },
    db: { type: 'string' },
    'no-analytics': { type: 'boolean' },
  });
  if (positionals.length === 0) throw new Error('load: name at least one file or directory');
  const files = expandInputs(positionals);
  if (files.length === 0) throw new Error(`load: no loadable files in ${positionals.join(', ')}`);
  const config = loadConfig();
  const databasePath = path.resolve(values.db ?? config.databasePath);
  const progress = createProgress();
  const outcome = await loadFiles(files, {
    config: { ...config, databasePath },
    layouts: builtInLayouts(),
    layout: values.source ? resolveLayout(values.source) : undefined,
    onStage: (file, stage, rows) => progress.stage(file, stage, rows),
    onFile: (result) => progress.done(summaryLine(result)),
    analytics: !values['no-analytics'],
  });
  const rows = outcome.results.map((r) => [
    r.file,
    r.status,
    r.read,
    r.loaded,
    r.updated,
    r.unchanged,
    r.rejected,
    r.outOfArea,
  ]);
  process.stdout.write(
    `\n${formatTable(['file', 'status', 'read', 'loaded', 'updated', 'unchanged', 'rejected', 'coords out of area'], rows)}\n`,
  );
  process.stdout.write(`\ndatabase: ${databasePath}\n`);
  if (outcome.rollups) process.stdout.write(`rollups: ${describeRefresh(outcome.rollups)}\n`);
  if (outcome.analyticsError) process.stderr.write(`\n${outcome.analyticsError}\n`);
  return outcome.results.some((r) => r.status === 'failed') || outcome.analyticsError ? 1 : 0;
}

function summaryLine(r: import('../../load/load-log').FileLoadResult): string {
  if (r.status === 'failed') return `✗ ${r.file}: ${r.message}`;
  if (r.status === 'skipped_identical') return `= ${r.file}: ${r.message}`;
  const rate = r.seconds > 0 ? Math.round(r.read / r.seconds).toLocaleString('en-US') : '-';
  return (
    `✓ ${r.file} [${r.layout}] read ${r.read}, loaded ${r.loaded}, updated ${r.updated}, unchanged ${r.unchanged}, ` +
    `rejected ${r.rejected}${r.outOfArea ? `, coordinates out of area ${r.outOfArea}` : ''} in ${r.seconds.toFixed(1)} s (${rate} rows/s)`
  );
}
