import { readFileSync } from 'node:fs';
import type { BoundaryCollection, BoundaryFeature, Position } from './geojson';
import { type PreparedPolygon, preparePolygon } from './prepared-polygon';
import { buildRegionIndex, type RegionIndex } from './region-index';

/** Reads a boundary GeoJSON FeatureCollection (Polygon/MultiPolygon features); throws on any other shape. */
export function readBoundaryCollection(filePath: string): BoundaryCollection {
  const parsed = JSON.parse(readFileSync(filePath, 'utf8')) as BoundaryCollection;
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new Error(`${filePath}: not a GeoJSON FeatureCollection`);
  }
  for (const feature of parsed.features) {
    const type = feature.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon')
      throw new Error(`${filePath}: unexpected geometry ${type}`);
  }
  return parsed;
}

/** Reads a boundary file and builds its point-in-polygon index (see buildRegionIndex). */
export function loadRegionIndex(filePath: string): RegionIndex {
  return buildRegionIndex(readBoundaryCollection(filePath));
}

const prepared = new WeakMap<BoundaryFeature, PreparedPolygon>();

/**
 * A uniformly random point inside `feature` (rejection sampling in its bbox). `rng` returns floats in [0, 1);
 * the same rng state gives the same point. Throws after `maxTries` misses (a degenerate polygon).
 */
export function randomPointIn(feature: BoundaryFeature, rng: () => number, maxTries = 10_000): Position {
  let polygon = prepared.get(feature);
  if (!polygon) {
    polygon = preparePolygon(feature.geometry);
    prepared.set(feature, polygon);
  }
  const [minX, minY, maxX, maxY] = polygon.bbox;
  for (let i = 0; i < maxTries; i++) {
    const lon = minX + rng() * (maxX - minX);
    const lat = minY + rng() * (maxY - minY);
    if (polygon.contains(lon, lat)) return [lon, lat];
  }
  throw new Error(`no point found inside ${feature.properties.name ?? 'feature'} after ${maxTries} tries`);
}
