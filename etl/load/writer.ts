import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DeploymentConfig } from '../../lib/config';
import { execute, openWarehouse } from '../../lib/db/connection';
import { loadRegionIndex } from '../../lib/geo/boundaries';
import { loadOrCreateSecret } from '../../lib/privacy/secret';
import { loadRegions } from '../geo/load-regions';
import { registerGeoFunctions } from '../geo/udfs';
import { createPointRegionLookup, createRegionLookup, writeCategories } from './lookups';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema';

export interface Writer {
  connection: DuckDBConnection;
  secret: Uint8Array;
  hasBoundaries: boolean;
  checkpoint(): Promise<void>;
  close(): void;
}

/** The boundary file shipped for a deployment region, if any (public/geo/<code>-districts.geojson). */
export function boundaryFileFor(regionCode: string): string | null {
  const file = fileURLToPath(new URL(`../../public/geo/${regionCode}-districts.geojson`, import.meta.url));
  return existsSync(file) ? file : null;
}

async function loadDeploymentRegions(connection: DuckDBConnection, regionCode: string): Promise<void> {
  try {
    await loadRegions(connection, regionCode);
  } catch (error) {
    throw new Error(
      `HOTLINE_REGION=${regionCode}: ${(error as Error).message}. Outside China set HOTLINE_REGION= (empty): ` +
        'regions then come only from codes and names already in the regions table (docs/configuration.md).',
    );
  }
}

/**
 * Opens a warehouse file for the ETL: creates the schema, writes the taxonomy and the deployment's regions,
 * registers the geo UDFs, and reads the caller-hash key. Only the ETL calls this, on its working copy.
 */
export async function openWriter(filePath: string, config: DeploymentConfig): Promise<Writer> {
  const warehouse = await openWarehouse(filePath, { timeZone: config.timeZone });
  const { connection } = warehouse;
  try {
    await execute(connection, SCHEMA_SQL);
    await execute(
      connection,
      "INSERT OR REPLACE INTO meta VALUES ('schema_version', $1), ('time_zone', $2)",
      [String(SCHEMA_VERSION), config.timeZone],
    );
    await writeCategories(connection);
    const boundaryFile = config.regionCode ? boundaryFileFor(config.regionCode) : null;
    if (config.regionCode) await loadDeploymentRegions(connection, config.regionCode);
    await createRegionLookup(connection);
    const regionIndex = boundaryFile ? loadRegionIndex(boundaryFile) : null;
    registerGeoFunctions(connection, { regionIndex });
    await createPointRegionLookup(connection, regionIndex?.codes ?? []);
    const secret = loadOrCreateSecret(config.secretPath);
    return {
      connection,
      secret,
      hasBoundaries: boundaryFile !== null,
      checkpoint: () => execute(connection, 'CHECKPOINT'),
      close: () => warehouse.close(),
    };
  } catch (error) {
    warehouse.close();
    throw error;
  }
}
