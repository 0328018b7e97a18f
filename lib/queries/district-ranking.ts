import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { rangeOf } from '../filters/periods';
import { filtersWhere } from '../sql/filters-where';
import { rollupFor } from '../sql/rollup-choice';

/** One region one level below the selected one, with its appeals and, where population is known, the rate. */
export interface DistrictRankingRow {
  /** Null for tickets that could not be placed in any region of this level (未定位). */
  code: string | null;
  name: string | null;
  tickets: number;
  population: number | null;
  per10k: number | null;
}

/** The level the ranking lists: districts (区县) under a city or nothing chosen, streets (街道) under a district. */
export function rankingLevel(region: string | undefined): 'county' | 'town' {
  return region && region.length === 6 && !region.endsWith('00') ? 'town' : 'county';
}

/**
 * Appeals per child region of the selected region (districts by default), with appeals per 10,000 residents when
 * the region's population is known, ranked by raw volume. With a street selected, the streets of its district are
 * ranked, so the street is compared with its neighbours rather than listed alone.
 */
export async function fetchDistrictRanking(filters: Filters): Promise<DistrictRankingRow[]> {
  const level = filters.region && filters.region.length > 6 ? 'town' : rankingLevel(filters.region);
  const column = level === 'town' ? 'town_code' : 'county_code';
  // Ranking streets of one district: compare with the district's other streets, not only the chosen one.
  const scope =
    filters.region && filters.region.length > 6
      ? { ...filters, region: filters.region.slice(0, 6) }
      : filters;
  const table = rollupFor(scope, [column], { ranges: [rangeOf(scope)] });
  const where = filtersWhere(scope, table);
  return readRows<DistrictRankingRow>(
    `SELECT d.code, r.name, d.tickets::INTEGER AS tickets, r.population,
            CASE WHEN r.population > 0 THEN d.tickets * 10000.0 / r.population END AS per10k
     FROM (SELECT ${column} AS code, sum(tickets) AS tickets FROM ${table} ${where.sql} GROUP BY 1) d
     LEFT JOIN regions r ON r.code = d.code
     ORDER BY d.tickets DESC, d.code`,
    where.params,
  );
}
