import type { Table } from 'apache-arrow';
import { queryArrow } from '../db/arrow';
import { borrowConnection } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { h3ToStringSql } from '../geo/h3-sql';
import { filtersWhere } from '../sql/filters-where';
import { BBOX_SQL, type Bbox, bboxParams, H3_COLUMN, hexResolutionForZoom, padBbox } from './map-params';

/** One H3 cell of the hexagon layer: its h3-js index and the appeals in it. */
export interface MapHexagonRow {
  cell: string;
  tickets: number;
}

/** The most cells one answer carries (biggest first); a city at r8 has a few thousand. */
export const MAX_HEXAGONS = 20_000;

export interface MapHexagons {
  resolution: 6 | 8 | 10;
  /** Cells with appeals in the (padded) box, biggest first, at most MAX_HEXAGONS; columns as MapHexagonRow. */
  table: Table;
  /** More cells matched than were sent. */
  truncated: boolean;
}

/**
 * Appeals per H3 cell at the resolution the zoom calls for, over tickets located in the box (padded by a quarter
 * each side). Tickets without coordinates have no cell and are not counted.
 */
export async function fetchMapHexagons(
  filters: Filters,
  view: { bbox: Bbox; zoom: number },
): Promise<MapHexagons> {
  const resolution = hexResolutionForZoom(view.zoom);
  const column = H3_COLUMN[resolution];
  const where = filtersWhere(filters, 'tickets');
  const lease = await borrowConnection();
  try {
    const table = await queryArrow(
      lease.connection,
      `SELECT ${h3ToStringSql(column)} AS cell, count(*)::INTEGER AS tickets
       FROM tickets ${where.sql} AND ${column} IS NOT NULL AND ${BBOX_SQL}
       GROUP BY ${column} ORDER BY tickets DESC, cell LIMIT $limit`,
      { ...where.params, ...bboxParams(padBbox(view.bbox)), limit: MAX_HEXAGONS + 1 },
    );
    const truncated = table.numRows > MAX_HEXAGONS;
    return { resolution, table: truncated ? table.slice(0, MAX_HEXAGONS) : table, truncated };
  } finally {
    lease.release();
  }
}
