import { readRows, warehouseGeneration } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { rangeOf } from '../filters/periods';
import { filtersWhere } from '../sql/filters-where';
import { rollupFor } from '../sql/rollup-choice';

/** One region of the choropleth: appeals received there and, where the population is known, per 10,000. */
export interface MapRegionRow {
  code: string;
  name: string;
  /** 3 = district/county, 4 = street/town. */
  level: 3 | 4;
  tickets: number;
  population: number | null;
  per10k: number | null;
}

/** The choropleth: the finest level that has boundaries, and its regions. */
export interface MapRegions {
  level: 3 | 4 | null;
  rows: MapRegionRow[];
}

let cachedLevel: { generation: number; level: 3 | 4 | null } | null = null;

/**
 * The finest level with boundaries, cached until the ETL publishes a new file: under many readers each query
 * waits for a pooled connection, and this one would double the wait of every choropleth.
 */
async function finestShapedLevel(): Promise<3 | 4 | null> {
  const generation = await warehouseGeneration();
  if (cachedLevel?.generation === generation) return cachedLevel.level;
  const [finest] = await readRows<{ level: number | null }>(
    'SELECT max(level) AS level FROM region_shapes WHERE level IN (3, 4)',
  );
  const level = finest?.level === 4 ? 4 : finest?.level === 3 ? 3 : null;
  cachedLevel = { generation, level };
  return level;
}

/**
 * Appeals per region at the finest level with boundaries in `region_shapes` (streets where the deployment has
 * their shapes, else districts), every region with a shape listed (0 when it has no appeals), counted from the
 * rollups, so tickets placed by a code or a name count as much as those with coordinates.
 */
export async function fetchMapRegions(filters: Filters): Promise<MapRegions> {
  const level = await finestShapedLevel();
  if (level === null) return { level, rows: [] };
  const column = level === 4 ? 'town_code' : 'county_code';
  const table = rollupFor(filters, [column], { ranges: [rangeOf(filters)] });
  const where = filtersWhere(filters, table);
  const rows = await readRows<MapRegionRow>(
    `SELECT s.code, coalesce(r.name, s.name) AS name, s.level::INTEGER AS level,
            coalesce(d.tickets, 0)::INTEGER AS tickets, r.population,
            CASE WHEN r.population > 0 THEN coalesce(d.tickets, 0) * 10000.0 / r.population END AS per10k
     FROM region_shapes s
     LEFT JOIN regions r ON r.code = s.code
     LEFT JOIN (SELECT ${column} AS code, sum(tickets) AS tickets FROM ${table} ${where.sql} GROUP BY 1) d
       ON d.code = s.code
     WHERE s.level = $level
     ORDER BY tickets DESC, s.code`,
    { ...where.params, level },
  );
  return { level, rows };
}
