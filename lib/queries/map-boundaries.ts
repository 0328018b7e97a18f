import { readRows, warehouseGeneration } from '../db/read-only-warehouse';

/** A region boundary as the map draws it: WGS-84 GeoJSON with the region's code, name and level. */
export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string; level: number };
  geometry: unknown;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

let cached: { generation: number; boundaries: BoundaryCollection } | null = null;

/**
 * The district and street boundaries stored in `region_shapes` (levels 3 and 4) as one FeatureCollection; they do
 * not depend on filters, so they are read once per published warehouse file.
 */
export async function fetchBoundaries(): Promise<BoundaryCollection> {
  const generation = await warehouseGeneration();
  if (cached?.generation === generation) return cached.boundaries;
  const rows = await readRows<{ code: string; name: string; level: number; geojson: string }>(
    'SELECT code, name, level::INTEGER AS level, geojson FROM region_shapes WHERE level IN (3, 4) ORDER BY level, code',
  );
  const boundaries: BoundaryCollection = {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      const feature = JSON.parse(row.geojson) as { geometry: unknown };
      return {
        type: 'Feature',
        properties: { code: row.code, name: row.name, level: row.level },
        geometry: feature.geometry,
      };
    }),
  };
  cached = { generation, boundaries };
  return boundaries;
}
