import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db/connection';
import { borrowConnection } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { h3ParentSql, h3ToStringSql } from '../geo/h3-sql';
import { hotspotPeaks } from '../geo/hotspot-peaks';
import { H3_COLUMN } from './map-params';

/**
 * The hotspot layer and its ranked list, read from the tables the `hotspots` analytics step writes
 * (hotspot_cells, hotspot_cell_months, hotspot_meta). A warehouse built without analytics has none of them: the
 * answer then says so (`available: false`) instead of failing.
 */
export const HOTSPOT_TABLES = ['hotspot_cells', 'hotspot_cell_months', 'hotspot_meta'] as const;

/** How a hotspot scope is computed: for all appeals, or one first- or second-level category. */
export interface HotspotMeta {
  resolution: number;
  kRing: number;
  firstMonth: string;
  lastMonth: string;
  months: number;
  cells: number;
  method: string | null;
  computedAt: string | null;
}

/** One classed cell on the map. */
export interface HotspotCell {
  cell: string;
  lon: number;
  lat: number;
  /** new | consecutive | intensifying | persistent | diminishing | sporadic | oscillating | historical | cold_… */
  hotspotClass: string;
  giZ: number | null;
  qValue: number | null;
  tickets: number;
}

/**
 * One entry of the ranked side list, with the evidence an analyst checks before acting: a peak cell (the busiest of
 * the hot cells around it, lib/geo/hotspot-peaks.ts) and how many hot cells surround it.
 */
export interface RankedHotspot extends HotspotCell {
  hotNeighbours: number;
  countyName: string | null;
  townName: string | null;
  townCode: string | null;
  hotMonths: number | null;
  lastHotMonth: string | null;
  trendZ: number | null;
  /** Appeals per month over the analysed months, and whether the month was significantly hot. */
  months: { month: string; tickets: number; hot: boolean }[];
  /** The first-level categories of the cell's appeals in the scope, biggest first. */
  categories: { code: string | null; nameZh: string | null; nameEn: string | null; tickets: number }[];
  topSubcategory: { code: string; nameZh: string | null; nameEn: string | null; tickets: number } | null;
  /** A few of the most recent appeals' content (masked at load), cut to 80 characters. */
  samples: string[];
}

export type MapHotspots =
  | { available: false; scope: string; reason: 'not_computed' | 'scope_missing' }
  | { available: true; scope: string; meta: HotspotMeta; cells: HotspotCell[]; ranked: RankedHotspot[] };

/** How many hotspots (peaks) the side list ranks with evidence. */
export const RANKED_HOTSPOTS = 10;
/** At most this many classed cells are drawn (strongest first). */
export const MAX_HOTSPOT_CELLS = 5_000;

type Rows = <Row>(sql: string, params?: Record<string, string | number | bigint>) => Promise<Row[]>;

/** `IN ($c0, $c1, …)` for the cells, with their values bound (names generated here, never from input). */
function cellList(cells: readonly string[]): { sql: string; params: Record<string, bigint> } {
  const params: Record<string, bigint> = {};
  cells.forEach((cell, i) => {
    params[`c${i}`] = BigInt(`0x${cell}`);
  });
  return { sql: `(${cells.map((_, i) => `$c${i}`).join(', ')})`, params };
}

/**
 * The evidence of the ranked peaks, a few queries for all of them (each a single pass over `tickets`, not one per
 * hotspot): names, months, categories, the top second-level category and recent masked texts.
 */
async function rankedEvidence(
  rows: Rows,
  scope: string,
  meta: HotspotMeta,
  peaks: (HotspotCell & { hotNeighbours: number })[],
): Promise<RankedHotspot[]> {
  if (peaks.length === 0) return [];
  const resolution = meta.resolution;
  const list = cellList(peaks.map((p) => p.cell));
  const scoped = { scope, ...list.params };
  const column = ticketCellSql(resolution);
  const inCells = `${column} IN ${list.sql} AND ${scopeSql(scope)}`;
  const ticketParams: Record<string, string | bigint> = scope === 'all' ? list.params : scoped;
  const cellText = h3ToStringSql(column);
  const [details, months, categories, subcategories, samples] = [
    await rows<{
      cell: string;
      countyName: string | null;
      townName: string | null;
      townCode: string | null;
      hotMonths: number | null;
      lastHotMonth: string | null;
      trendZ: number | null;
    }>(
      `SELECT ${h3ToStringSql('h.cell')} AS cell, county.name AS "countyName", town.name AS "townName",
              h.town_code AS "townCode", h.hot_months::INTEGER AS "hotMonths",
              strftime(h.last_hot_month::DATE, '%Y-%m') AS "lastHotMonth", h.trend_z AS "trendZ"
       FROM hotspot_cells h
       LEFT JOIN regions county ON county.code = h.county_code
       LEFT JOIN regions town ON town.code = h.town_code
       WHERE h.scope = $scope AND h.cell IN ${list.sql}`,
      scoped,
    ),
    await rows<{ cell: string; month: string; tickets: number; hot: boolean }>(
      `SELECT ${h3ToStringSql('cell')} AS cell, strftime(month::DATE, '%Y-%m') AS month, tickets::INTEGER AS tickets,
              coalesce(hot, false) AS hot
       FROM hotspot_cell_months WHERE scope = $scope AND cell IN ${list.sql} ORDER BY cell, month`,
      scoped,
    ),
    await rows<{
      cell: string;
      code: string | null;
      nameZh: string | null;
      nameEn: string | null;
      tickets: number;
    }>(
      `SELECT t.cell, t.code, c.name_zh AS "nameZh", c.name_en AS "nameEn", t.tickets
       FROM (SELECT ${cellText} AS cell, category_l1 AS code, count(*)::INTEGER AS tickets
             FROM tickets WHERE ${inCells} GROUP BY ALL) t
       LEFT JOIN categories c ON c.code = t.code ORDER BY t.cell, t.tickets DESC, t.code NULLS LAST`,
      ticketParams,
    ),
    await rows<{ cell: string; code: string; nameZh: string | null; nameEn: string | null; tickets: number }>(
      `SELECT t.cell, t.code, c.name_zh AS "nameZh", c.name_en AS "nameEn", t.tickets
       FROM (SELECT ${cellText} AS cell, category_l2 AS code, count(*)::INTEGER AS tickets
             FROM tickets WHERE ${inCells} AND category_l2 IS NOT NULL GROUP BY ALL) t
       LEFT JOIN categories c ON c.code = t.code ORDER BY t.cell, t.tickets DESC, t.code`,
      ticketParams,
    ),
    await rows<{ cell: string; text: string }>(
      `SELECT cell, text FROM (
         SELECT ${cellText} AS cell, left(content, 80) AS text,
                row_number() OVER (PARTITION BY ${column} ORDER BY received_at DESC, ticket_id) AS n
         FROM tickets WHERE ${inCells} AND content IS NOT NULL)
       WHERE n <= 3 ORDER BY cell, n`,
      ticketParams,
    ),
  ];
  return peaks.map((peak) => {
    const detail = details.find((d) => d.cell === peak.cell);
    const top = subcategories.find((s) => s.cell === peak.cell);
    return {
      ...peak,
      countyName: detail?.countyName ?? null,
      townName: detail?.townName ?? null,
      townCode: detail?.townCode ?? null,
      hotMonths: detail?.hotMonths ?? null,
      lastHotMonth: detail?.lastHotMonth ?? null,
      trendZ: detail?.trendZ ?? null,
      months: everyMonth(
        meta,
        months.filter((m) => m.cell === peak.cell),
      ),
      categories: categories
        .filter((c) => c.cell === peak.cell)
        .slice(0, 4)
        .map(({ cell: _c, ...c }) => c),
      topSubcategory: top
        ? { code: top.code, nameZh: top.nameZh, nameEn: top.nameEn, tickets: top.tickets }
        : null,
      samples: samples.filter((x) => x.cell === peak.cell).map((x) => x.text),
    };
  });
}

/** A cell's months from the first to the last analysed one, months without a stored row as 0 and not hot. */
function everyMonth(
  meta: HotspotMeta,
  stored: { month: string; tickets: number; hot: boolean }[],
): RankedHotspot['months'] {
  const byMonth = new Map(stored.map((m) => [m.month, m]));
  const out: RankedHotspot['months'] = [];
  const cursor = new Date(`${meta.firstMonth}-01T00:00:00Z`);
  for (let i = 0; i < 240 && cursor.toISOString().slice(0, 7) <= meta.lastMonth; i++) {
    const month = cursor.toISOString().slice(0, 7);
    const row = byMonth.get(month);
    out.push({ month, tickets: row?.tickets ?? 0, hot: row?.hot ?? false });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return out;
}

/** The scope the filters call for: the second-level category if set, else the first-level one, else all. */
export function hotspotScope(filters: Pick<Filters, 'category'>): string {
  return filters.category ?? 'all';
}

async function tablesPresent(connection: DuckDBConnection): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    connection,
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables
     WHERE table_schema = 'main' AND table_name IN ('hotspot_cells', 'hotspot_cell_months', 'hotspot_meta')`,
  );
  return row?.n === HOTSPOT_TABLES.length;
}

/** The SQL of a ticket's cell at the hotspot resolution: a stored column, or a parent derived from h3_r10. */
function ticketCellSql(resolution: number): string {
  return resolution in H3_COLUMN
    ? H3_COLUMN[resolution as keyof typeof H3_COLUMN]
    : h3ParentSql('h3_r10', Math.min(10, Math.max(0, Math.trunc(resolution))));
}

function scopeSql(scope: string): string {
  if (scope === 'all') return 'true';
  return scope.length === 2 ? 'category_l1 = $scope' : 'category_l2 = $scope';
}

/**
 * The classed cells of the filters' scope (within the region filter, if any) and the RANKED_HOTSPOTS strongest
 * hot ones with their evidence. Dates, channel, type and department do not apply: hotspots are computed over
 * every month and channel by the ETL.
 */
export async function fetchMapHotspots(filters: Filters): Promise<MapHotspots> {
  const scope = hotspotScope(filters);
  const lease = await borrowConnection();
  const rows = <Row>(sql: string, params: Record<string, string | number | bigint> = {}) =>
    lease.rows<Row>(sql, params);
  try {
    if (!(await tablesPresent(lease.connection))) return { available: false, scope, reason: 'not_computed' };
    const [meta] = await rows<HotspotMeta>(
      `SELECT resolution::INTEGER AS resolution, k_ring::INTEGER AS "kRing",
              strftime(first_month::DATE, '%Y-%m') AS "firstMonth", strftime(last_month::DATE, '%Y-%m') AS "lastMonth",
              months::INTEGER AS months, cells::INTEGER AS cells, method::VARCHAR AS method,
              computed_at::VARCHAR AS "computedAt"
       FROM hotspot_meta WHERE scope = $scope LIMIT 1`,
      { scope },
    );
    if (!meta) return { available: false, scope, reason: 'scope_missing' };
    const region = filters.region ? filters.region.slice(0, 9) : null;
    const regionSql = region
      ? '(county_code = $region OR town_code = $region OR starts_with(county_code, $city))'
      : 'true';
    const regionParams: Record<string, string> = region
      ? {
          region,
          city: region.endsWith('0000')
            ? region.slice(0, 2)
            : region.endsWith('00')
              ? region.slice(0, 4)
              : '-',
        }
      : {};
    const cells = await rows<HotspotCell & { townCode: string | null; countyCode: string | null }>(
      `SELECT ${h3ToStringSql('cell')} AS cell, lon, lat, hotspot_class AS "hotspotClass", gi_z AS "giZ",
              q_value AS "qValue", tickets::INTEGER AS tickets, town_code AS "townCode", county_code AS "countyCode"
       FROM hotspot_cells
       WHERE scope = $scope AND hotspot_class IS NOT NULL AND ${regionSql}
       ORDER BY starts_with(hotspot_class, 'cold'), gi_z DESC NULLS LAST, cell LIMIT $limit`,
      { scope, ...regionParams, limit: MAX_HOTSPOT_CELLS },
    );
    const peaks = hotspotPeaks(
      cells.filter((c) => !c.hotspotClass.startsWith('cold')),
      meta.kRing,
    ).slice(0, RANKED_HOTSPOTS);
    const ranked = await rankedEvidence(rows, scope, meta, peaks);
    return {
      available: true,
      scope,
      meta,
      cells: cells.map(({ townCode: _t, countyCode: _c, ...cell }) => cell),
      ranked,
    };
  } finally {
    lease.release();
  }
}
