import type { DuckDBConnection } from '@duckdb/node-api';
import type { DeploymentConfig } from '../../lib/config';
import { classifyStep } from './classify';
import { forecastsStep } from './forecasts';
import { handlingStep } from './handling';
import { hotspotsStep } from './hotspots';
import { recurringStep } from './recurring';
import { termsStep } from './terms';

/**
 * The derived analytics that run as ETL steps after a load, so that pages read their results in milliseconds
 * (DESIGN.md: hotspot statistics, forecasts, recurring issues, text). Each step rebuilds its own tables on the
 * working copy inside the load's publish cycle (etl/load/publish.ts), so the dashboard sees either the old results
 * or the new ones, never half of them.
 *
 * `phase` says when a step runs: 'tickets' steps may fill ticket columns (predicted categories) and run before the
 * rollups, so the rollups count what they wrote; 'derived' steps read tickets and rollups and write their own tables.
 */
export interface AnalyticsStep {
  /** Short name used by `npm run etl -- analyse --only <name>` and in timings (`analytics:<name>`). */
  name: string;
  /** One line for `npm run etl -- help` and docs/etl.md. */
  description: string;
  phase: 'tickets' | 'derived';
  run(connection: DuckDBConnection, context: AnalyticsContext): Promise<void>;
}

export interface AnalyticsContext {
  config: DeploymentConfig;
  /** Progress messages for the terminal. */
  onProgress?: (message: string) => void;
}

/** Every step, in the order they run within a phase. Register a new step here. */
export const ANALYTICS_STEPS: AnalyticsStep[] = [
  classifyStep,
  forecastsStep,
  hotspotsStep,
  termsStep,
  recurringStep,
  handlingStep,
];

/** Which steps to run: all (true), none (false), or the named ones. */
export type AnalyticsSelection = boolean | string[];

export function selectSteps(selection: AnalyticsSelection, phase: AnalyticsStep['phase']): AnalyticsStep[] {
  if (selection === false) return [];
  if (Array.isArray(selection)) {
    const unknown = selection.filter((name) => !ANALYTICS_STEPS.some((s) => s.name === name));
    if (unknown.length > 0) {
      const known = ANALYTICS_STEPS.map((s) => s.name).join(', ') || '(none)';
      throw new Error(`unknown analytics step ${unknown.join(', ')}; known steps: ${known}`);
    }
  }
  return ANALYTICS_STEPS.filter(
    (s) => s.phase === phase && (selection === true || (selection as string[]).includes(s.name)),
  );
}

/** Runs the selected steps of one phase; returns seconds per step, keyed `analytics:<name>`. */
export async function runAnalytics(
  connection: DuckDBConnection,
  context: AnalyticsContext,
  selection: AnalyticsSelection,
  phase: AnalyticsStep['phase'],
): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  for (const step of selectSteps(selection, phase)) {
    const started = Date.now();
    context.onProgress?.(step.name);
    try {
      await step.run(connection, context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`analytics step "${step.name}" failed: ${message}`, { cause: error });
    }
    timings[`analytics:${step.name}`] = (Date.now() - started) / 1000;
  }
  return timings;
}
