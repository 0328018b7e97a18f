import type { Table } from 'apache-arrow';
import { borrowConnection } from '../db/read-only-warehouse';
import { type Filters, FiltersError } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';
import { BBOX_SQL, type Bbox, bboxParams, POINTS_MIN_ZOOM } from './map-params';

/** One located ticket of the point layer (masked title only; nothing about the caller). */
export interface MapPointRow {
  ticketId: string;
  lon: number;
  lat: number;
  receivedAt: string;
  categoryL2: string | null;
  categoryZh: string | null;
  categoryEn: string | null;
  title: string | null;
}

/** The most tickets one answer carries: enough for a few streets, small enough for a cluster layer. */
export const MAX_POINTS = 3_000;

/**
 * The located tickets inside the box (not padded: only what is on screen), newest first, at most MAX_POINTS, and
 * how many there are in all. Only from POINTS_MIN_ZOOM on: below it the answer would be the whole city.
 */
export async function fetchMapPoints(
  filters: Filters,
  view: { bbox: Bbox; zoom: number },
): Promise<{ table: Table; total: number }> {
  if (view.zoom < POINTS_MIN_ZOOM)
    throw new FiltersError(`"zoom": individual tickets are shown from zoom ${POINTS_MIN_ZOOM} on`);
  const where = filtersWhere(filters, 'tickets');
  const params = { ...where.params, ...bboxParams(view.bbox) };
  const lease = await borrowConnection();
  try {
    const [counted] = await lease.rows<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM tickets ${where.sql} AND ${BBOX_SQL}`,
      params,
    );
    const table = await lease.arrow(
      `WITH p AS (
         SELECT ticket_id, lon, lat, received_at, category_l2, title FROM tickets ${where.sql} AND ${BBOX_SQL}
         ORDER BY received_at DESC, ticket_id LIMIT $limit)
       SELECT p.ticket_id AS "ticketId", p.lon, p.lat, strftime(p.received_at, '%Y-%m-%d %H:%M') AS "receivedAt",
              p.category_l2 AS "categoryL2", c.name_zh AS "categoryZh", c.name_en AS "categoryEn", p.title
       FROM p LEFT JOIN categories c ON c.code = p.category_l2
       ORDER BY p.received_at DESC, p.ticket_id`,
      { ...params, limit: MAX_POINTS },
    );
    return { table, total: counted?.n ?? 0 };
  } finally {
    lease.release();
  }
}
