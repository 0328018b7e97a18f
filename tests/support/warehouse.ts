import path from 'node:path';
import type { AnalyticsSelection } from '../../etl/analytics/steps';
import { builtInLayouts } from '../../etl/load/layouts';
import { type LoadFilesOutcome, loadFiles } from '../../etl/load/load-files';
import type { DeploymentConfig } from '../../lib/config';
import { execute, openWarehouse, queryRows } from '../../lib/db/connection';

/** A deployment config for tests: 宜宾, Asia/Shanghai, everything inside `dir`. */
export function testConfig(dir: string, overrides: Partial<DeploymentConfig> = {}): DeploymentConfig {
  return {
    databasePath: path.join(dir, 'warehouse.duckdb'),
    timeZone: 'Asia/Shanghai',
    regionCode: '511500',
    secretPath: path.join(dir, 'hotline.secret'),
    ...overrides,
  };
}

/**
 * Loads with the real ETL. Derived analytics (etl/analytics) are off unless asked for: most tests check the load
 * and the rollups, and the analytics steps have tests of their own.
 */
export function load(
  files: string[],
  config: DeploymentConfig,
  options: { analytics?: AnalyticsSelection } = {},
): Promise<LoadFilesOutcome> {
  return loadFiles(files, { config, layouts: builtInLayouts(), analytics: options.analytics ?? false });
}

/** Runs one read query on the published warehouse and closes it. */
export async function query<Row>(config: DeploymentConfig, sql: string, params?: unknown[]): Promise<Row[]> {
  const warehouse = await openWarehouse(config.databasePath, { readOnly: true, timeZone: config.timeZone });
  try {
    return await queryRows<Row>(warehouse.connection, sql, params as never);
  } finally {
    warehouse.close();
  }
}

/** Writes a small warehouse file from `sql` (tables for the dashboard's connection pool to read in lib/db tests). */
export async function writeWarehouse(file: string, sql: string): Promise<void> {
  const warehouse = await openWarehouse(file);
  try {
    await execute(warehouse.connection, sql);
  } finally {
    warehouse.close();
  }
}

/** Writes `sql` into a warehouse in `dir` and makes it the one the dashboard reads (HOTLINE_DB). */
export async function servedWarehouse(dir: string, sql: string): Promise<string> {
  const file = path.join(dir, 'warehouse.duckdb');
  await writeWarehouse(file, sql);
  process.env.HOTLINE_DB = file;
  return file;
}
