import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { addMonths } from '../filters/periods';
import { filtersWhere } from '../sql/filters-where';
import { rollupFor } from '../sql/rollup-choice';

/** A second-level category's repeat appeals (lib/sql/ticket-facts.ts) in a range. */
export interface RepeatCategoryRow {
  code: string;
  nameZh: string | null;
  nameEn: string | null;
  repeats: number;
  tickets: number;
}

/**
 * The second-level categories with the most repeat appeals in the range (the monthly briefing's 重复诉求), most
 * first; categories without a repeat are left out.
 */
export async function fetchRepeatCategories(filters: Filters, limit = 5): Promise<RepeatCategoryRow[]> {
  const table = rollupFor(filters, ['category_l1', 'category_l2']);
  const where = filtersWhere(filters, table);
  return readRows<RepeatCategoryRow>(
    `SELECT d.code, c.name_zh AS "nameZh", c.name_en AS "nameEn", d.repeats::INTEGER AS repeats,
            d.tickets::INTEGER AS tickets
     FROM (SELECT category_l2 AS code, sum(repeat_appeals) AS repeats, sum(tickets) AS tickets
           FROM ${table} ${where.sql} AND category_l2 IS NOT NULL GROUP BY 1) d
     LEFT JOIN categories c ON c.code = d.code
     WHERE d.repeats > 0
     ORDER BY d.repeats DESC, d.code
     LIMIT $limit`,
    { ...where.params, limit },
  );
}

/** A place (normalised address key) that keeps coming back: appeals this range and in several months before. */
export interface RecurringPlaceRow {
  /** The masked address most of the place's appeals wrote. */
  address: string;
  countyName: string | null;
  townName: string | null;
  /** The second-level category most of its appeals in the range were about. */
  categoryCode: string | null;
  categoryZh: string | null;
  categoryEn: string | null;
  /** Appeals in the range. */
  tickets: number;
  /** Of the `lookbackMonths` whole months before the range, how many had an appeal from this place. */
  earlierMonths: number;
  /** Appeals from this place in those earlier months. */
  earlierTickets: number;
}

/**
 * Places with at least `minTickets` appeals in the range that also had appeals in at least `minEarlierMonths` of
 * the `lookbackMonths` calendar months before it: the problems that keep returning to the same address. Ranked by
 * appeals in the range, then by the earlier ones; `total` counts them all, `rows` are the first `limit`. Reads
 * `tickets` (the rollups keep no address).
 */
export async function fetchRecurringPlaces(
  filters: Filters,
  options: { lookbackMonths?: number; minEarlierMonths?: number; minTickets?: number; limit?: number } = {},
): Promise<{ total: number; rows: RecurringPlaceRow[] }> {
  const { lookbackMonths = 5, minEarlierMonths = 2, minTickets = 2, limit = 8 } = options;
  const where = filtersWhere(filters, 'tickets', { dates: false });
  const lookbackFrom = `${addMonths(filters.from, -lookbackMonths).slice(0, 7)}-01`;
  const rows = await readRows<RecurringPlaceRow & { total: number }>(
    `WITH scoped AS (
       SELECT place_key, address, county_code, town_code, category_l2, received_at,
              received_at >= $from::DATE AS in_range
       FROM tickets ${where.sql} AND place_key IS NOT NULL
         AND received_at >= $lookbackFrom::DATE AND received_at < $to::DATE + INTERVAL 1 DAY
     ),
     places AS (
       SELECT place_key,
              count(*) FILTER (WHERE in_range) AS tickets,
              count(DISTINCT date_trunc('month', received_at)) FILTER (WHERE NOT in_range) AS earlier_months,
              count(*) FILTER (WHERE NOT in_range) AS earlier_tickets,
              mode(address ORDER BY address) FILTER (WHERE in_range) AS address,
              mode(county_code ORDER BY county_code) FILTER (WHERE in_range) AS county_code,
              mode(town_code ORDER BY town_code) FILTER (WHERE in_range) AS town_code,
              mode(category_l2 ORDER BY category_l2) FILTER (WHERE in_range) AS category_l2
       FROM scoped GROUP BY place_key
     )
     SELECT p.address, county.name AS "countyName", town.name AS "townName", p.category_l2 AS "categoryCode",
            c.name_zh AS "categoryZh", c.name_en AS "categoryEn", p.tickets::INTEGER AS tickets,
            p.earlier_months::INTEGER AS "earlierMonths", p.earlier_tickets::INTEGER AS "earlierTickets",
            (count(*) OVER ())::INTEGER AS total
     FROM places p
     LEFT JOIN regions county ON county.code = p.county_code
     LEFT JOIN regions town ON town.code = p.town_code
     LEFT JOIN categories c ON c.code = p.category_l2
     WHERE p.tickets >= $minTickets AND p.earlier_months >= $minEarlierMonths AND p.address IS NOT NULL
     ORDER BY p.tickets DESC, p.earlier_tickets DESC, p.place_key
     LIMIT $limit`,
    {
      ...where.params,
      from: filters.from,
      to: filters.to,
      lookbackFrom,
      minTickets,
      minEarlierMonths,
      limit,
    },
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row) };
}
