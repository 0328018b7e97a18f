import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomPointIn, readBoundaryCollection } from '../../lib/geo/boundaries';
import { featureCode, type Position } from '../../lib/geo/geojson';
import { preparePolygon } from '../../lib/geo/prepared-polygon';
import { DISTRICTS } from './geography';
import type { Rng } from './random';

/** Where sample points may fall in one district: a containment test and a uniform random point. */
export interface DistrictArea {
  contains(lon: number, lat: number): boolean;
  randomPoint(rng: Rng): Position;
}

/** The district areas and whether they come from the real boundary file or the circular fallback. */
export interface DistrictAreas {
  source: 'geojson' | 'fallback';
  byCode: ReadonlyMap<string, DistrictArea>;
}

/** The boundary file of the sample city (WGS-84, properties adcode + name). */
export const DISTRICT_BOUNDARY_FILE = path.resolve('public/geo/511500-districts.geojson');

const FALLBACK_RADIUS_DEG = 0.07;

function fallbackArea(seat: Position): DistrictArea {
  const [cx, cy] = seat;
  const inside = (lon: number, lat: number) => (lon - cx) ** 2 + (lat - cy) ** 2 <= FALLBACK_RADIUS_DEG ** 2;
  return {
    contains: inside,
    randomPoint(rng) {
      const r = FALLBACK_RADIUS_DEG * Math.sqrt(rng.next());
      const a = 2 * Math.PI * rng.next();
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    },
  };
}

/**
 * Loads the district boundaries from `file` when it exists and covers all ten districts; otherwise falls back to
 * discs of ~7 km around each county seat (inside every real district, so points stay in the right district).
 */
export function loadDistrictAreas(file = DISTRICT_BOUNDARY_FILE): DistrictAreas {
  if (existsSync(file)) {
    const collection = readBoundaryCollection(file);
    const byCode = new Map<string, DistrictArea>();
    for (const feature of collection.features) {
      const code = featureCode(feature);
      if (!code || !DISTRICTS.some((d) => d.code === code)) continue;
      const polygon = preparePolygon(feature.geometry);
      byCode.set(code, {
        contains: (lon, lat) => polygon.contains(lon, lat),
        randomPoint: (rng) => randomPointIn(feature, () => rng.next()),
      });
    }
    if (byCode.size === DISTRICTS.length) return { source: 'geojson', byCode };
  }
  return { source: 'fallback', byCode: new Map(DISTRICTS.map((d) => [d.code, fallbackArea(d.seat)])) };
}
