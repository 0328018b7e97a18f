import { HANDLING_PARAMETERS } from '../analytics/handling/parameters';
import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';

/** A category a pair of units bounced tickets of, with how many. */
export interface BounceCategory {
  code: string;
  zh: string;
  en: string;
  tickets: number;
}

/**
 * Two units that sent tickets back and forth (unordered, in name order): an unclear responsibility boundary to
 * settle in the responsibility list (权责清单).
 */
export interface BouncePair {
  rank: number;
  unitA: string;
  unitB: string;
  /** Tickets returned or re-dispatched between them. */
  bouncedTickets: number;
  /** Of those, escalated (督办/提级). */
  escalated: number;
  /** Average dispatches of those tickets. */
  averageDispatches: number | null;
  /** The categories involved, most first (at most three). */
  categories: BounceCategory[];
}

/** The pairs of units that bounce the filtered tickets between each other most, most first. */
export async function fetchBouncePairs(filters: Filters, limit = 20): Promise<BouncePair[]> {
  const where = filtersWhere(filters, 'tickets');
  const rows = await readRows<Omit<BouncePair, 'rank'>>(
    `WITH b AS (
         SELECT b.unit_a, b.unit_b, t.category_l2, t.escalated, t.dispatch_count
         FROM handling_bounces b JOIN (SELECT * FROM tickets ${where.sql}) t USING (ticket_id)),
       cats AS (
         SELECT unit_a, unit_b,
                list({'code': category_l2, 'zh': c.name_zh, 'en': c.name_en, 'tickets': n}
                     ORDER BY n DESC, category_l2)[1:3] AS categories
         FROM (SELECT unit_a, unit_b, category_l2, count(*)::INTEGER AS n FROM b
               WHERE category_l2 IS NOT NULL GROUP BY ALL) x
         JOIN categories c ON c.code = x.category_l2
         GROUP BY unit_a, unit_b)
       SELECT unit_a AS "unitA", unit_b AS "unitB", count(*)::INTEGER AS "bouncedTickets",
              count(*) FILTER (escalated)::INTEGER AS escalated,
              round(avg(dispatch_count), 2)::DOUBLE AS "averageDispatches",
              coalesce(any_value(cats.categories), []) AS categories
       FROM b LEFT JOIN cats USING (unit_a, unit_b)
       GROUP BY unit_a, unit_b
       HAVING count(*) >= $minTickets
       ORDER BY "bouncedTickets" DESC, "unitA", "unitB"
       LIMIT $limit`,
    { ...where.params, minTickets: HANDLING_PARAMETERS.minBouncedTickets, limit },
  );
  return rows.map((row, i) => ({ rank: i + 1, ...row }));
}
