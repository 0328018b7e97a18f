import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../lib/config';
import { openWarehouse, type Warehouse } from '../../../lib/db/connection';

/** Opens the published warehouse read-only (it may be open in the dashboard at the same time). */
export async function openPublished(db: string | undefined): Promise<Warehouse> {
  const config = loadConfig();
  const databasePath = path.resolve(db ?? config.databasePath);
  if (!existsSync(databasePath)) {
    throw new Error(`${databasePath}: no warehouse yet; load files with "npm run etl -- load <file|dir>"`);
  }
  return openWarehouse(databasePath, { readOnly: true, timeZone: config.timeZone });
}
