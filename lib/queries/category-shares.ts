import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { previousPeriod, rangeOf } from '../filters/periods';
import { filtersWhere } from '../sql/filters-where';
import { rollupFor } from '../sql/rollup-choice';

/** One category's appeals in the selected range and in the period before it. Null codes are 未分类. */
export interface CategoryShareRow {
  l1: string | null;
  l1Zh: string | null;
  l1En: string | null;
  l2: string | null;
  l2Zh: string | null;
  l2En: string | null;
  tickets: number;
  previous: number;
}

/** What the rising-categories bar needs: the change against the previous period, for categories big enough to matter. */
export interface RisingCategory extends CategoryShareRow {
  change: number;
  changeRate: number | null;
}

export interface CategoryShares {
  rows: CategoryShareRow[];
  rising: RisingCategory[];
}

/** A category must have this many appeals in one of the two periods before its rise is ranked (noise floor). */
export const RISING_MIN_TICKETS = 10;

/**
 * Appeals per first- and second-level category (the treemap), and the second-level categories that rose most
 * against the period before (环比), ranked by the increase in appeals.
 */
export async function fetchCategoryShares(filters: Filters, risingLimit = 10): Promise<CategoryShares> {
  const previous = previousPeriod(rangeOf(filters));
  const table = rollupFor(filters, ['category_l1', 'category_l2'], { ranges: [rangeOf(filters), previous] });
  const where = filtersWhere(filters, table, { dates: false });
  const rows = await readRows<CategoryShareRow>(
    `SELECT d.category_l1 AS l1, c1.name_zh AS "l1Zh", c1.name_en AS "l1En",
            d.category_l2 AS l2, c2.name_zh AS "l2Zh", c2.name_en AS "l2En",
            d.tickets::INTEGER AS tickets, d.previous::INTEGER AS previous
     FROM (
       SELECT category_l1, category_l2,
              coalesce(sum(tickets) FILTER (WHERE day >= $from::DATE), 0) AS tickets,
              coalesce(sum(tickets) FILTER (WHERE day < $from::DATE), 0) AS previous
       FROM ${table} ${where.sql} AND day BETWEEN $previousFrom::DATE AND $to::DATE
       GROUP BY ALL
     ) d
     LEFT JOIN categories c1 ON c1.code = d.category_l1
     LEFT JOIN categories c2 ON c2.code = d.category_l2
     ORDER BY tickets DESC, l1, l2`,
    { ...where.params, from: filters.from, to: filters.to, previousFrom: previous.from },
  );
  const rising = rows
    .filter(
      (r) => r.l2 !== null && Math.max(r.tickets, r.previous) >= RISING_MIN_TICKETS && r.tickets > r.previous,
    )
    .map((r) => ({
      ...r,
      change: r.tickets - r.previous,
      changeRate: r.previous > 0 ? (r.tickets - r.previous) / r.previous : null,
    }))
    .sort((a, b) => b.change - a.change || (a.l2 ?? '').localeCompare(b.l2 ?? ''))
    .slice(0, risingLimit);
  return { rows: rows.filter((r) => r.tickets > 0), rising };
}
