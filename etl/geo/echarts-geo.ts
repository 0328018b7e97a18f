import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { AreaGeometry, Position } from '../../lib/geo/geojson';

interface EncodedFeature {
  type: 'Feature';
  id?: string;
  properties: { name: string; cp?: Position; [key: string]: unknown };
  geometry:
    | { type: 'Polygon'; coordinates: string[]; encodeOffsets: Position[] }
    | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: Position[][] };
}

/** An echarts map script's GeoJSON in its compressed form (`UTF8Encoding: true`). */
export interface EncodedGeoJson {
  type: 'FeatureCollection';
  features: EncodedFeature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

/** A decoded echarts map feature: name, echarts' own id and label point, and plain GeoJSON geometry. */
export interface DecodedFeature {
  id: string | undefined;
  name: string;
  labelPoint: Position | undefined;
  geometry: AreaGeometry;
}

/**
 * Runs an echarts map script (`echarts.registerMap(name, json)` in a UMD wrapper) against a stub echarts in an
 * empty VM context and returns what it registers. Only for trusted files from node_modules.
 */
export function readEchartsMapScript(filePath: string): { name: string; json: EncodedGeoJson } {
  let registered: { name: string; json: EncodedGeoJson } | undefined;
  const echarts = { registerMap: (name: string, json: EncodedGeoJson) => (registered = { name, json }) };
  vm.runInNewContext(readFileSync(filePath, 'utf8'), { exports: {}, require: () => echarts });
  if (!registered) throw new Error(`${filePath} registered no map`);
  return registered;
}

/**
 * Decodes one ring the way echarts' `decodeRing` (src/coord/geo/parseGeoJson.ts) does: each character pair is a
 * zigzag-encoded delta (char code − 64) from the previous point, starting at `offset`, in units of 1/`scale`°.
 */
export function decodeRing(encoded: string, offset: Position, scale: number): Position[] {
  const ring: Position[] = [];
  let [x, y] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** Decodes every feature of an echarts compressed GeoJSON (plain ones pass through unchanged). */
export function decodeEchartsGeoJson(json: EncodedGeoJson): DecodedFeature[] {
  const scale = json.UTF8Scale ?? 1024;
  return json.features.map((feature) => {
    const g = feature.geometry;
    const base = { id: feature.id, name: feature.properties.name, labelPoint: feature.properties.cp };
    if (!json.UTF8Encoding) return { ...base, geometry: g as unknown as AreaGeometry };
    if (g.type === 'Polygon') {
      return {
        ...base,
        geometry: {
          type: 'Polygon',
          coordinates: g.coordinates.map((r, i) => decodeRing(r, g.encodeOffsets[i]!, scale)),
        },
      };
    }
    return {
      ...base,
      geometry: {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((rings, p) =>
          rings.map((r, i) => decodeRing(r, g.encodeOffsets[p]![i]!, scale)),
        ),
      },
    };
  });
}
