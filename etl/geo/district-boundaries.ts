import { toWgs84 } from '../../lib/geo/coordinates';
import { currentRegionName } from '../../lib/geo/former-names';
import type { AreaGeometry, BoundaryCollection, BoundaryFeature, Position } from '../../lib/geo/geojson';
import type { RegionRow } from '../../lib/geo/regions';
import type { DecodedFeature } from './echarts-geo';

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** GCJ-02 ring → closed WGS-84 ring rounded to 5 decimals (~1 m), without repeated vertices. */
function toWgs84Ring(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon, lat] of ring) {
    const [x, y] = toWgs84(lon, lat, 'GCJ02');
    const point: Position = [round5(x), round5(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

function toWgs84Geometry(geometry: AreaGeometry): AreaGeometry {
  const rings = (rs: Position[][]) => rs.map(toWgs84Ring).filter((r) => r.length >= 4);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rings(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rings).filter((p) => p.length > 0) };
}

/**
 * Turns echarts map features (GCJ-02, as AMap-derived data is) into our district boundary collection: current
 * names (宜宾县 → 叙州区), `adcode` / `name` / `level` / `parent` properties taken from the region rows by name,
 * WGS-84 coordinates rounded to 5 decimals, features ordered by code. Throws when a name matches no region row.
 */
export function buildDistrictBoundaries(
  features: DecodedFeature[],
  regions: RegionRow[],
): BoundaryCollection {
  const out: BoundaryFeature[] = features.map((feature) => {
    const name = currentRegionName(feature.name);
    const region = regions.find((r) => r.name === name);
    if (!region) throw new Error(`no region named ${name} (echarts ${feature.name})`);
    return {
      type: 'Feature',
      properties: { adcode: region.code, name, level: region.level, parent: region.parent_code },
      geometry: toWgs84Geometry(feature.geometry),
    };
  });
  out.sort((a, b) => String(a.properties.adcode).localeCompare(String(b.properties.adcode)));
  return { type: 'FeatureCollection', features: out };
}

/** GeoJSON text with one feature per line, so a regenerated file diffs by region. */
export function formatBoundaryCollection(collection: BoundaryCollection): string {
  const lines = collection.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
