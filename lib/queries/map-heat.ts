import type { Table } from 'apache-arrow';
import { borrowConnection } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';
import { cellRollupFor } from '../sql/rollup-choice';
import { cellRollupAnswers, hasCellRollup } from './map-hexagons';
import { BBOX_SQL, type Bbox, bboxParams, padBbox } from './map-params';

/** One weighted point of the heat layer: the mean position of the appeals in a small square, and their number. */
export interface MapHeatRow {
  lon: number;
  lat: number;
  tickets: number;
}

/** The heat layer's squares are this many screen pixels wide: finer than the heat blur, so nothing shows. */
export const HEAT_CELL_PIXELS = 4;
export const MAX_HEAT_POINTS = 30_000;
/**
 * Up to this zoom a heat square (4 px) is at least as wide as an H3 r8 cell (about 0.5 km), so the heat is summed
 * from the daily cell rollup, each cell's appeals at its place, instead of from every ticket; closer in, from the
 * tickets' own positions.
 */
export const MAX_ROLLUP_HEAT_ZOOM = 11;

/** The side of a heat square in degrees of longitude at a zoom (Web Mercator: 256 × 2^zoom pixels per 360°). */
export function heatCellDegrees(zoom: number): number {
  return (360 * HEAT_CELL_PIXELS) / (256 * 2 ** zoom);
}

/**
 * The heat layer: located appeals in the padded box snapped to squares a few pixels wide at the zoom, one weighted
 * point per square (biggest first, at most MAX_HEAT_POINTS). Latitude uses the same step in degrees: at 宜宾 a
 * square is a little taller than wide, which a heat blur does not show.
 */
export async function fetchMapHeat(
  filters: Filters,
  view: { bbox: Bbox; zoom: number },
  /** Heat cells with fewer appeals are left out (readers without ticket access: lib/auth/small-counts.ts). */
  minTickets = 1,
): Promise<{ table: Table; truncated: boolean; cellDegrees: number }> {
  const step = heatCellDegrees(view.zoom);
  const lease = await borrowConnection();
  try {
    const fromRollup =
      view.zoom <= MAX_ROLLUP_HEAT_ZOOM && cellRollupAnswers(filters) && (await hasCellRollup(lease));
    const cells = cellRollupFor(filters);
    const where = filtersWhere(filters, fromRollup ? cells : 'tickets');
    const params = {
      ...where.params,
      ...bboxParams(padBbox(view.bbox)),
      step,
      minTickets,
      limit: MAX_HEAT_POINTS + 1,
    };
    const table = await lease.arrow(
      fromRollup
        ? `SELECT round(sum(p.lon * c.n) / sum(c.n), 5) AS lon, round(sum(p.lat * c.n) / sum(c.n), 5) AS lat,
                  sum(c.n)::INTEGER AS tickets
           FROM (SELECT h3_r8, sum(tickets) AS n FROM ${cells} ${where.sql} GROUP BY h3_r8) c
           JOIN cell_places p ON p.resolution = 8 AND p.cell = c.h3_r8
           WHERE ${BBOX_SQL.replace(/\b(lon|lat)\b/g, 'p.$1')}
           GROUP BY floor(p.lon / $step), floor(p.lat / $step) HAVING sum(c.n) >= $minTickets
           ORDER BY tickets DESC, lon, lat LIMIT $limit`
        : `SELECT round(avg(lon), 5) AS lon, round(avg(lat), 5) AS lat, count(*)::INTEGER AS tickets
           FROM tickets ${where.sql} AND lon IS NOT NULL AND ${BBOX_SQL}
           GROUP BY floor(lon / $step), floor(lat / $step) HAVING count(*) >= $minTickets
           ORDER BY tickets DESC, lon, lat LIMIT $limit`,
      params,
    );
    const truncated = table.numRows > MAX_HEAT_POINTS;
    return { table: truncated ? table.slice(0, MAX_HEAT_POINTS) : table, truncated, cellDegrees: step };
  } finally {
    lease.release();
  }
}
