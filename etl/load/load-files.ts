import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DeploymentConfig } from '../../lib/config';
import { type AnalyticsSelection, runAnalytics } from '../analytics/steps';
import { fileContentHash, loadFile } from './load-file';
import { type FileLoadResult, recordFailure } from './load-log';
import type { Layout } from './mapping-schema';
import { openWorkingCopy } from './publish';
import { type RollupRefresh, refreshRollups } from './rollups';
import { openWriter } from './writer';

export interface LoadFilesOptions {
  config: DeploymentConfig;
  layouts: Layout[];
  layout?: Layout;
  onStage?: (file: string, stage: string, rows: number) => void;
  onFile?: (result: FileLoadResult) => void;
  /** Derived analytics to rebuild after the load (etl/analytics/steps.ts): all by default. */
  analytics?: AnalyticsSelection;
}

export interface LoadFilesOutcome {
  results: FileLoadResult[];
  timings: Record<string, number>;
  /** A derived-analytics step that failed: the loaded tickets are still published; the step's old tables stay. */
  analyticsError?: string;
  /** How the rollups were refreshed: only the days the files touched, or all (and why); absent when nothing loaded. */
  rollups?: RollupRefresh;
}

function failedResult(filePath: string, message: string): FileLoadResult {
  return {
    loadId: 0,
    file: path.basename(filePath),
    layout: null,
    status: 'failed',
    message,
    read: 0,
    loaded: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    outOfArea: 0,
    firstReceived: null,
    lastReceived: null,
    seconds: 0,
    timings: {},
  };
}

/**
 * Loads files into the warehouse: each file in its own transaction on a working copy, then rollups, then the copy is
 * published over the database (see publish.ts). A file that fails is rolled back and logged; the others still load.
 */
export async function loadFiles(files: string[], options: LoadFilesOptions): Promise<LoadFilesOutcome> {
  const working = openWorkingCopy(options.config.databasePath);
  const results: FileLoadResult[] = [];
  const timings: Record<string, number> = {};
  let analyticsError: string | undefined;
  let rollups: RollupRefresh | undefined;
  try {
    const writer = await openWriter(working.workingPath, options.config);
    try {
      for (const file of files) {
        let result: FileLoadResult;
        try {
          result = await loadFile(writer.connection, file, {
            layouts: options.layouts,
            layout: options.layout,
            deploymentTimeZone: options.config.timeZone,
            secret: writer.secret,
            hasBoundaries: writer.hasBoundaries,
            onStage: (stage, rows) => options.onStage?.(path.basename(file), stage, rows),
          });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await recordFailure(writer.connection, file, await fileContentHash(file).catch(() => ''), message);
          result = failedResult(file, message);
        }
        for (const [stage, seconds] of Object.entries(result.timings)) {
          timings[stage] = (timings[stage] ?? 0) + seconds;
        }
        results.push(result);
        options.onFile?.(result);
      }
      if (results.some((r) => r.loaded + r.updated > 0)) {
        ({ analyticsError, rollups } = await refreshDerived(
          writer.connection,
          { ...options, rollupScope: 'changed' },
          timings,
        ));
      }
      await writer.checkpoint();
    } finally {
      writer.close();
    }
    const started = Date.now();
    working.publish();
    timings.publish = (Date.now() - started) / 1000;
  } catch (error) {
    working.abandon();
    throw error;
  }
  return { results, timings, analyticsError, rollups };
}

/**
 * Rebuilds what is derived from the tickets: the 'tickets' analytics phase, the rollups (only the days changed
 * since the last refresh with `rollupScope: 'changed'`, see rollups-changed.ts), then the 'derived' phase.
 * A failing analytics step does not throw away the load: its message is returned and the files stay loaded.
 */
export async function refreshDerived(
  connection: DuckDBConnection,
  options: Pick<LoadFilesOptions, 'config' | 'analytics' | 'onStage'> & { rollupScope: 'all' | 'changed' },
  timings: Record<string, number>,
): Promise<{ analyticsError?: string; rollups: RollupRefresh }> {
  const selection = options.analytics ?? true;
  const context = {
    config: options.config,
    onProgress: (step: string) => options.onStage?.('(all files)', `analytics: ${step}`, 0),
  };
  let analyticsError: string | undefined;
  const phase = async (name: 'tickets' | 'derived') => {
    if (analyticsError) return;
    try {
      Object.assign(timings, await runAnalytics(connection, context, selection, name));
    } catch (error) {
      analyticsError = error instanceof Error ? error.message : String(error);
    }
  };
  await phase('tickets');
  const started = Date.now();
  options.onStage?.('(all files)', 'rollups', 0);
  const rollups = await refreshRollups(connection, timings, {
    scope: options.rollupScope,
    rebuildShare: options.config.rollupRebuildShare,
    keepShare: options.config.rollupKeepShare,
  });
  timings.rollups = (Date.now() - started) / 1000;
  await phase('derived');
  return { analyticsError, rollups };
}
