import type { DuckDBValue } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { borrowConnection, type Lease } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { h3ToStringSql } from '../geo/h3-sql';
import { filtersWhere } from '../sql/filters-where';
import { sqlString } from '../sql/quote';
import { CELL_ROLLUP_DIMENSIONS, cellRollupFor, filterDimensions } from '../sql/rollup-choice';
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
 * each side). Tickets without coordinates have no cell and are not counted. At city zoom (r6) with the filters of
 * a city-wide look the counts come from the daily cell rollup, else from the tickets.
 */
export async function fetchMapHexagons(
  filters: Filters,
  view: { bbox: Bbox; zoom: number },
  /** Cells with fewer appeals are left out (readers without ticket access: lib/auth/small-counts.ts). */
  minTickets = 1,
): Promise<MapHexagons> {
  const resolution = hexResolutionForZoom(view.zoom);
  const lease = await borrowConnection();
  try {
    const fromRollup = hexagonSource(filters, resolution) === 'daily_cells' && (await hasCellRollup(lease));
    const bound = fromRollup
      ? cellRollupQuery(filters, view.bbox, resolution === 6 ? 'h3_r6' : 'h3_r8', minTickets)
      : ticketsQuery(filters, view.bbox, H3_COLUMN[resolution], minTickets);
    const table = await lease.arrow(bound.sql, bound.params);
    const truncated = table.numRows > MAX_HEXAGONS;
    return { resolution, table: truncated ? table.slice(0, MAX_HEXAGONS) : table, truncated };
  } finally {
    lease.release();
  }
}

type Bound = { sql: string; params: Record<string, DuckDBValue> };

function ticketsQuery(filters: Filters, bbox: Bbox, column: string, minTickets: number): Bound {
  const where = filtersWhere(filters, 'tickets');
  return {
    sql: `SELECT ${h3ToStringSql(column)} AS cell, count(*)::INTEGER AS tickets
          FROM tickets ${where.sql} AND ${column} IS NOT NULL AND ${BBOX_SQL}
          GROUP BY ${column} HAVING count(*) >= $minTickets ORDER BY tickets DESC, cell LIMIT $limit`,
    params: { ...where.params, ...bboxParams(padBbox(bbox)), minTickets, limit: MAX_HEXAGONS + 1 },
  };
}

/**
 * daily_cells (etl/load/rollups.ts) keeps the day, the r8 cell and its r6 parent, and every dimension a filter names
 * (CELL_ROLLUP_DIMENSIONS): all but a cell or a text search are answered from it. A cell is in the box when the mean
 * position of its appeals is, and then counts whole (the tickets query counts the appeals inside the box, which
 * cuts the cells on its edge).
 */
export function hexagonSource(filters: Filters, resolution: 6 | 8 | 10): 'daily_cells' | 'tickets' {
  return resolution !== 10 && cellRollupAnswers(filters) ? 'daily_cells' : 'tickets';
}

export function cellRollupAnswers(filters: Filters): boolean {
  return (
    !filters.cell && !filters.q && filterDimensions(filters).every((d) => CELL_ROLLUP_DIMENSIONS.includes(d))
  );
}

function cellRollupQuery(filters: Filters, bbox: Bbox, column: 'h3_r6' | 'h3_r8', minTickets: number): Bound {
  const cells = cellRollupFor(filters);
  const where = filtersWhere(filters, cells);
  return {
    sql: `SELECT ${h3ToStringSql(column)} AS cell, sum(tickets)::INTEGER AS tickets
          FROM ${cells} ${where.sql}
            AND ${column} IN (SELECT cell FROM cell_places WHERE resolution = $resolution AND ${BBOX_SQL})
          GROUP BY ${column} HAVING sum(tickets) >= $minTickets ORDER BY tickets DESC, cell LIMIT $limit`,
    params: {
      ...where.params,
      ...bboxParams(padBbox(bbox)),
      resolution: column === 'h3_r6' ? 6 : 8,
      minTickets,
      limit: MAX_HEXAGONS + 1,
    },
  };
}

/**
 * Warehouses built before the cell rollup existed, or before it kept every filter's column, answer from tickets
 * until their next load or analyse.
 */
const cellRollupByGeneration = new Map<number, boolean>();

export async function hasCellRollup(lease: Lease): Promise<boolean> {
  const known = cellRollupByGeneration.get(lease.generation);
  if (known !== undefined) return known;
  const [row] = await lease.rows<{
    tables: number;
    columns: number;
  }>(`SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('daily_cells', 'cell_places'))::INTEGER
              AS tables,
            (SELECT count(*) FROM duckdb_columns()
             WHERE table_name = 'daily_cells' AND column_name IN (${CELL_ROLLUP_DIMENSIONS.map(sqlString).join(', ')}))
              ::INTEGER AS columns`);
  const present = row?.tables === 2 && row.columns === CELL_ROLLUP_DIMENSIONS.length;
  cellRollupByGeneration.set(lease.generation, present);
  return present;
}
