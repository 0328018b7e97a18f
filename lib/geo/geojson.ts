import { regionLevelOfCode } from './region-codes';

/** [lon, lat] in degrees, WGS-84 unless a file says otherwise. */
export type Position = [number, number];

/** A GeoJSON Polygon or MultiPolygon geometry (outer rings first; holes follow their outer ring). */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** [minLon, minLat, maxLon, maxLat]. */
export type BBox = [number, number, number, number];

/**
 * Properties of a region boundary. Our files write `adcode` (string) and `name`; DataV files write a numeric
 * `adcode`; other countries may write `code`. `level` follows the regions table (1 province … 5 community).
 */
export interface BoundaryProperties {
  adcode?: string | number;
  code?: string | number;
  name?: string;
  level?: number | string;
  [key: string]: unknown;
}

/** One region's boundary. */
export interface BoundaryFeature {
  type: 'Feature';
  properties: BoundaryProperties;
  geometry: AreaGeometry;
}

/** A boundary file: one feature per region. */
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

/** The region code a boundary feature stands for (`code`, else `adcode`), as text; null when it has neither. */
export function featureCode(feature: BoundaryFeature): string | null {
  const code = feature.properties.code ?? feature.properties.adcode;
  return code == null ? null : String(code);
}

const DATAV_LEVELS: Record<string, number> = { province: 1, city: 2, district: 3, street: 4 };

/** The feature's level: its numeric `level`, a DataV level word, or what its code implies; 0 when unknown. */
export function featureLevel(feature: BoundaryFeature): number {
  const { level } = feature.properties;
  if (typeof level === 'number') return level;
  if (typeof level === 'string' && DATAV_LEVELS[level]) return DATAV_LEVELS[level];
  const code = featureCode(feature);
  return (code && regionLevelOfCode(code)) || 0;
}
