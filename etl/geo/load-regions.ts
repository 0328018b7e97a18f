import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DuckDBConnection, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { readBoundaryCollection } from '../../lib/geo/boundaries';
import { featureCode, featureLevel } from '../../lib/geo/geojson';
import { buildRegionHierarchy } from '../../lib/geo/regions';

/** Row counts written by one `loadRegions` call. */
export interface LoadRegionsResult {
  regions: number;
  aliases: number;
  shapes: number;
}

/** Code prefix shared by every region under a GB/T 2260 code: '511500' → '5115', '510000' → '51'. */
function descendantPrefix(rootCode: string): string {
  return rootCode.replace(/(00)+$/, '');
}

const UNDER_ROOT = '(starts_with(code, $prefix) OR list_contains($codes, code))';

/** INSERT of a JSON array of objects bound as $json; `fields` maps each column to its DuckDB type. */
function insertJsonSql(table: string, fields: Record<string, string>): string {
  const columns = Object.keys(fields).join(', ');
  return `INSERT INTO ${table} (${columns}) SELECT ${columns}
    FROM (SELECT unnest(from_json($json, '${JSON.stringify([fields])}'), recursive := true))`;
}

function shapeRows(boundaryPath: string) {
  if (!existsSync(boundaryPath)) return [];
  return readBoundaryCollection(boundaryPath).features.map((f) => ({
    code: featureCode(f),
    name: f.properties.name ?? null,
    level: featureLevel(f) || null,
    geojson: JSON.stringify(f),
  }));
}

/**
 * Writes the regions under `rootCode` (and its ancestors) with their aliases (lib/geo/regions.ts), and the shapes
 * of `boundaryPath` (default public/geo/<rootCode>-districts.geojson, skipped when absent), in one transaction.
 * Idempotent: rows under the root and rows of the codes written are replaced, so a re-run leaves the same tables.
 */
export async function loadRegions(
  connection: DuckDBConnection,
  rootCode: string,
  options: { boundaryPath?: string } = {},
): Promise<LoadRegionsResult> {
  const { regions, aliases } = buildRegionHierarchy(rootCode);
  const shapes = shapeRows(
    options.boundaryPath ??
      fileURLToPath(new URL(`../../public/geo/${rootCode}-districts.geojson`, import.meta.url)),
  );
  const scope = { prefix: descendantPrefix(rootCode), codes: listValue(regions.map((r) => r.code)) };
  const scopeTypes = { prefix: VARCHAR, codes: LIST(VARCHAR) };

  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(`DELETE FROM region_aliases WHERE ${UNDER_ROOT}`, scope, scopeTypes);
    await connection.run(`DELETE FROM regions WHERE ${UNDER_ROOT}`, scope, scopeTypes);
    await connection.run(
      insertJsonSql('regions', {
        code: 'VARCHAR',
        name: 'VARCHAR',
        level: 'INTEGER',
        parent_code: 'VARCHAR',
        population: 'INTEGER',
      }),
      { json: JSON.stringify(regions) },
    );
    await connection.run(
      insertJsonSql('region_aliases', { alias: 'VARCHAR', code: 'VARCHAR', level: 'INTEGER' }),
      {
        json: JSON.stringify(aliases),
      },
    );
    if (shapes.length > 0) {
      await connection.run(
        'DELETE FROM region_shapes WHERE list_contains($codes, code)',
        {
          codes: listValue(shapes.map((s) => s.code)),
        },
        { codes: LIST(VARCHAR) },
      );
      await connection.run(
        insertJsonSql('region_shapes', {
          code: 'VARCHAR',
          name: 'VARCHAR',
          level: 'INTEGER',
          geojson: 'VARCHAR',
        }),
        { json: JSON.stringify(shapes) },
      );
    }
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
  return { regions: regions.length, aliases: aliases.length, shapes: shapes.length };
}
