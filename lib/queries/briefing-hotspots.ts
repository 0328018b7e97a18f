import { readRows } from '../db/read-only-warehouse';
import { h3ToStringSql } from '../geo/h3-sql';

/** A hotspot cell that was significantly hot in the month (hotspot_cell_months.hot), with its overall class. */
export interface MonthHotspotRow {
  /** H3 cell as h3-js writes it. */
  cell: string;
  lon: number;
  lat: number;
  countyName: string | null;
  townName: string | null;
  /** Appeals in the cell that month and the cell's Gi* z-score that month. */
  tickets: number;
  giZ: number | null;
  /** The cell's class over all analysed months (new, persistent, intensifying …; docs/map.md). */
  hotspotClass: string | null;
  /** Of the analysed months, in how many the cell was hot. */
  hotMonths: number | null;
}

export type MonthHotspots =
  | { available: false; reason: 'not_computed' | 'month_not_analysed' }
  | { available: true; resolution: number; cells: MonthHotspotRow[] };

/**
 * The cells of all appeals (scope `all`) that the hotspots analytics step found hot in one month, strongest
 * first. Says `not_computed` when the warehouse has no hotspot tables (built without `npm run etl -- analyse`)
 * and `month_not_analysed` when the month is outside the months the step analysed.
 */
export async function fetchMonthHotspots(month: string): Promise<MonthHotspots> {
  const [present] = await readRows<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables()
     WHERE schema_name = 'main' AND table_name IN ('hotspot_cells', 'hotspot_cell_months', 'hotspot_meta')`,
  );
  if ((present?.n ?? 0) < 3) return { available: false, reason: 'not_computed' };
  const [meta] = await readRows<{ resolution: number; analysed: boolean }>(
    `SELECT resolution::INTEGER AS resolution,
            $month::DATE BETWEEN first_month::DATE AND last_month::DATE AS analysed
     FROM hotspot_meta WHERE scope = 'all' LIMIT 1`,
    { month: `${month}-01` },
  );
  if (!meta) return { available: false, reason: 'not_computed' };
  if (!meta.analysed) return { available: false, reason: 'month_not_analysed' };
  const cells = await readRows<MonthHotspotRow>(
    `SELECT ${h3ToStringSql('c.cell')} AS cell, c.lon, c.lat, county.name AS "countyName", town.name AS "townName",
            m.tickets::INTEGER AS tickets, m.gi_z AS "giZ", c.hotspot_class AS "hotspotClass",
            c.hot_months::INTEGER AS "hotMonths"
     FROM hotspot_cell_months m
     JOIN hotspot_cells c ON c.scope = m.scope AND c.cell = m.cell
     LEFT JOIN regions county ON county.code = c.county_code
     LEFT JOIN regions town ON town.code = c.town_code
     WHERE m.scope = 'all' AND m.month::DATE = $month::DATE AND m.hot
     ORDER BY m.gi_z DESC NULLS LAST, m.tickets DESC, c.cell`,
    { month: `${month}-01` },
  );
  return { available: true, resolution: meta.resolution, cells };
}
