import { z } from 'zod';

/**
 * The map's view parameters, as the /api/map routes validate them: the visible box and the zoom. Every payload is
 * sized to them (cells per resolution, points only when zoomed in, heat cells a few pixels wide), so the browser
 * never receives millions of rows.
 */
export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Leaflet zooms the map accepts; beyond 18 there is nothing finer to show. */
export const MIN_ZOOM = 3;
export const MAX_ZOOM = 18;
/** Individual tickets are sent only from this zoom on (a few streets on screen). */
export const POINTS_MIN_ZOOM = 14;
/** The widest box a request may name: a country-sized view is already one screen at zoom 3. */
const MAX_SPAN_DEGREES = 60;

/** `west,south,east,north` in WGS-84 degrees, west < east and south < north, at most 60° each way. */
export const bboxParam = z
  .string()
  .max(120)
  .transform((text, ctx): Bbox => {
    const parts = text
      .split(',')
      .map((p) => (/^-?\d{1,3}(\.\d{1,12})?$/.test(p.trim()) ? Number(p) : Number.NaN));
    const [west = Number.NaN, south = Number.NaN, east = Number.NaN, north = Number.NaN] = parts;
    const ok =
      parts.length === 4 &&
      parts.every(Number.isFinite) &&
      west >= -180 &&
      east <= 180 &&
      south >= -90 &&
      north <= 90 &&
      west < east &&
      south < north &&
      east - west <= MAX_SPAN_DEGREES &&
      north - south <= MAX_SPAN_DEGREES;
    if (!ok) {
      ctx.addIssue({
        code: 'custom',
        message: 'west,south,east,north in degrees (west < east, south < north, at most 60° wide)',
      });
      return z.NEVER;
    }
    return { west, south, east, north };
  });

export const zoomParam = z.coerce.number().int().min(MIN_ZOOM).max(MAX_ZOOM);

/** The view parameters of the hexagon, heat and point layers. */
export const MAP_VIEWPORT = { bbox: bboxParam, zoom: zoomParam };

/** The stored H3 resolution drawn at a zoom: about 15–40 pixels per cell at 宜宾's latitude. */
export function hexResolutionForZoom(zoom: number): 6 | 8 | 10 {
  if (zoom <= 10) return 6;
  if (zoom <= 13) return 8;
  return 10;
}

/** The ticket column holding the cell at a stored resolution (an allow-list, never user text). */
export const H3_COLUMN = { 6: 'h3_r6', 8: 'h3_r8', 10: 'h3_r10' } as const;

/**
 * The box padded by a fraction of its size on each side, so that cells and heat at the edge of the screen are
 * complete and a small pan needs no new request.
 */
export function padBbox(bbox: Bbox, fraction = 0.25): Bbox {
  const dx = (bbox.east - bbox.west) * fraction;
  const dy = (bbox.north - bbox.south) * fraction;
  return {
    west: Math.max(-180, bbox.west - dx),
    south: Math.max(-90, bbox.south - dy),
    east: Math.min(180, bbox.east + dx),
    north: Math.min(90, bbox.north + dy),
  };
}

/** SQL condition on tickets' lon/lat for a box, with `$west` … `$north` to bind from bboxParams. */
export const BBOX_SQL = 'lon BETWEEN $west AND $east AND lat BETWEEN $south AND $north';

export function bboxParams(bbox: Bbox): Record<string, number> {
  return { west: bbox.west, south: bbox.south, east: bbox.east, north: bbox.north };
}
