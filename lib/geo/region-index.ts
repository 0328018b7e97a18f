import { type BoundaryCollection, featureCode, featureLevel } from './geojson';
import { type PreparedPolygon, preparePolygon, ringsOf } from './prepared-polygon';

/** Answers "which region is this point in" for one boundary collection. */
export interface RegionIndex {
  /** Codes of the indexed features, finest level first. */
  readonly codes: readonly string[];
  /** The finest region whose boundary contains the WGS-84 point; null outside every boundary. */
  regionAt(lon: number, lat: number): string | null;
}

const UNKNOWN = -2;
const MIXED = -1;
const NONE = -3;

/**
 * Builds the index once: each feature is prepared for banded ray casting, and a grid over the collection's bbox
 * marks the cells crossed by some edge. A point in a cell no edge crosses takes the cell's cached answer; only
 * points near a boundary run the ray cast. Where boundaries of different levels overlap (county and town), the
 * finest level wins. Features without a code are skipped.
 */
export function buildRegionIndex(collection: BoundaryCollection, gridSize = 256): RegionIndex {
  const entries = collection.features
    .map((feature) => ({ feature, code: featureCode(feature), level: featureLevel(feature) }))
    .filter((e): e is typeof e & { code: string } => e.code !== null)
    .sort((a, b) => b.level - a.level);
  const codes = entries.map((e) => e.code);
  const polygons: PreparedPolygon[] = entries.map((e) => preparePolygon(e.feature.geometry));
  if (polygons.length === 0) return { codes, regionAt: () => null };

  const minX = Math.min(...polygons.map((p) => p.bbox[0]));
  const minY = Math.min(...polygons.map((p) => p.bbox[1]));
  const maxX = Math.max(...polygons.map((p) => p.bbox[2]));
  const maxY = Math.max(...polygons.map((p) => p.bbox[3]));
  const cellW = (maxX - minX) / gridSize || 1;
  const cellH = (maxY - minY) / gridSize || 1;
  const col = (x: number) => Math.min(gridSize - 1, Math.floor((x - minX) / cellW));
  const row = (y: number) => Math.min(gridSize - 1, Math.floor((y - minY) / cellH));

  const cells = new Int32Array(gridSize * gridSize).fill(UNKNOWN);
  for (const { feature } of entries) {
    for (const ring of ringsOf(feature.geometry)) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x1, y1] = ring[j]!;
        const [x2, y2] = ring[i]!;
        for (let r = row(Math.min(y1, y2)); r <= row(Math.max(y1, y2)); r++) {
          for (let c = col(Math.min(x1, x2)); c <= col(Math.max(x1, x2)); c++)
            cells[r * gridSize + c] = MIXED;
        }
      }
    }
  }

  const search = (lon: number, lat: number): number => {
    for (let i = 0; i < polygons.length; i++) if (polygons[i]!.contains(lon, lat)) return i;
    return NONE;
  };

  return {
    codes,
    regionAt(lon, lat) {
      if (!(lon >= minX && lon <= maxX && lat >= minY && lat <= maxY)) return null;
      const cell = row(lat) * gridSize + col(lon);
      let found = cells[cell]!;
      if (found === MIXED) found = search(lon, lat);
      else if (found === UNKNOWN) {
        found = search(
          minX + ((cell % gridSize) + 0.5) * cellW,
          minY + (Math.floor(cell / gridSize) + 0.5) * cellH,
        );
        cells[cell] = found;
      }
      return found >= 0 ? codes[found]! : null;
    },
  };
}
