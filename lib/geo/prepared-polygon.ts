import type { AreaGeometry, BBox, Position } from './geojson';

/** A polygon made ready for many point-in-polygon tests. */
export interface PreparedPolygon {
  bbox: BBox;
  /** True when the point is inside (even-odd over all rings, so holes and multipolygon parts are handled). */
  contains(lon: number, lat: number): boolean;
}

/** Every ring of a Polygon or MultiPolygon, outer and holes alike. */
export function ringsOf(geometry: AreaGeometry): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** The bbox of a geometry's vertices. */
export function bboxOf(geometry: AreaGeometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of ringsOf(geometry)) {
    for (const [x, y] of ring) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

/**
 * Prepares a geometry for point-in-polygon tests. No point-in-polygon library is installed (and the DuckDB
 * spatial extension cannot be downloaded here), so this is hand-written ray casting: edges are bucketed into
 * `bands` horizontal bands, and a test crosses only the edges of the point's band (a few dozen, not thousands).
 * Points exactly on an edge may fall either side.
 */
export function preparePolygon(geometry: AreaGeometry, bands = 256): PreparedPolygon {
  const bbox = bboxOf(geometry);
  const [, minY, , maxY] = bbox;
  const bandHeight = (maxY - minY) / bands || 1;
  const buckets: number[][] = Array.from({ length: bands }, () => []);
  const bandOf = (y: number) => Math.min(bands - 1, Math.max(0, Math.floor((y - minY) / bandHeight)));
  for (const ring of ringsOf(geometry)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j]!;
      const [x2, y2] = ring[i]!;
      if (y1 === y2) continue;
      for (let b = bandOf(Math.min(y1, y2)); b <= bandOf(Math.max(y1, y2)); b++)
        buckets[b]!.push(x1, y1, x2, y2);
    }
  }
  const edges = buckets.map((bucket) => Float64Array.from(bucket));
  return {
    bbox,
    contains(lon, lat) {
      if (!(lon >= bbox[0] && lon <= bbox[2] && lat >= minY && lat <= maxY)) return false;
      const e = edges[bandOf(lat)]!;
      let inside = false;
      for (let k = 0; k < e.length; k += 4) {
        const y1 = e[k + 1]!;
        const y2 = e[k + 3]!;
        if (y1 > lat !== y2 > lat) {
          const x1 = e[k]!;
          if (lon < x1 + ((lat - y1) * (e[k + 2]! - x1)) / (y2 - y1)) inside = !inside;
        }
      }
      return inside;
    },
  };
}
