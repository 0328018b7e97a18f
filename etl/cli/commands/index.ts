import { analyseCommand } from './analyse';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { loadCommand } from './load';
import { rejectedCommand } from './rejected';
import { sourcesCommand } from './sources';
import { statusCommand } from './status';
import { trainClassifierCommand } from './train-classifier';
import { watchCommand } from './watch';

const USAGE = `Hotline Atlas ETL

usage: npm run etl -- <command> [options]

  load <file|dir>... [--source <layout|mapping.json>] [--db <path>] [--no-analytics]
                      load exports (csv, xlsx, json/ndjson, parquet); each file in one transaction; then
                      rebuild the rollups and the derived analytics (hotspots, forecasts, ...)
  analyse [--only <step,...>] [--db <path>]
                      rebuild the rollups and derived analytics without loading (all steps, or the named ones)
  sources             list the known source layouts
  status [--db <path>]
                      per file: rows read / loaded / updated / unchanged / rejected; per channel totals and dates
  rejected [--file <name>] [--limit <n>] [--db <path>]
                      rejected rows with file, row, column and reason
  export --parquet <dir> [--db <path>]
                      write tickets as Hive-partitioned Parquet (year=/month=)
  watch <inbox> [--source <layout>] [--db <path>] [--interval <s>] [--once]
                      load files as they arrive; move each to done/ or failed/ (with a .reason.txt)
  demo [--db <path>] [--force]
                      build the sample-city database from data-samples/ (skipped when already built)
  train-classifier [--db <path>] [--model <file>]
                      retrain the category classifier from the categorised tickets; writes the model file
                      with its cross-validated evaluation (docs/text.md)

The database defaults to data/hotline.duckdb (setting HOTLINE_DB). See docs/etl.md.`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  load: loadCommand,
  analyse: analyseCommand,
  sources: sourcesCommand,
  status: statusCommand,
  rejected: rejectedCommand,
  export: exportCommand,
  watch: watchCommand,
  demo: demoCommand,
  'train-classifier': trainClassifierCommand,
};

/** Runs one ETL command; resolves to the process exit code. */
export async function runCommand(name: string | undefined, args: string[]): Promise<number> {
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  return command(args);
}
