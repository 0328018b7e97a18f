import path from 'node:path';
import { builtInLayouts } from '../../etl/load/layouts';
import { type LoadFilesOutcome, loadFiles } from '../../etl/load/load-files';
import type { DeploymentConfig } from '../../lib/config';
import { openWarehouse, queryRows } from '../../lib/db/connection';

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

export function load(files: string[], config: DeploymentConfig): Promise<LoadFilesOutcome> {
  return loadFiles(files, { config, layouts: builtInLayouts() });
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
