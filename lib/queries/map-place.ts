import { borrowConnection } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';

/** A named share of the place's appeals (a category, a department). */
export interface PlaceShare {
  code: string | null;
  name: string | null;
  nameEn: string | null;
  tickets: number;
}

/** One of the place's most recent appeals, masked at load; content cut to PLACE_CONTENT_CHARS. */
export interface PlaceTicket {
  ticketId: string;
  receivedAt: string;
  categoryZh: string | null;
  categoryEn: string | null;
  title: string | null;
  content: string | null;
  status: string | null;
}

/**
 * What the map's side panel shows for a clicked place (a hexagon through the `cell` filter, a district or street
 * through `region`): appeals per month, the category and department mix, the newest tickets, and the district and
 * street most of its appeals lie in (a hexagon's trends link filters to them: the trends read rollups, which have
 * no cells).
 */
export interface PlaceSummary {
  tickets: number;
  months: { month: string; tickets: number }[];
  categories: PlaceShare[];
  subcategories: PlaceShare[];
  departments: PlaceShare[];
  recent: PlaceTicket[];
  county: { code: string; name: string | null } | null;
  town: { code: string; name: string | null } | null;
}

const TOP = 6;
const RECENT = 8;
export const PLACE_CONTENT_CHARS = 120;

/** The side-panel summary of the tickets the filters select, read on one connection so its parts agree. */
export async function fetchPlaceSummary(filters: Filters): Promise<PlaceSummary> {
  const where = filtersWhere(filters, 'tickets');
  const lease = await borrowConnection();
  const rows = <Row>(sql: string, extra: Record<string, string | number> = {}) =>
    lease.rows<Row>(sql, { ...where.params, ...extra });
  try {
    // One pass over the place's tickets for every breakdown (GROUPING SETS), one for the newest tickets.
    const groups = await rows<{ dim: string; code: string | null; tickets: number }>(
      `SELECT CASE WHEN GROUPING(m) = 0 THEN 'month' WHEN GROUPING(category_l1) = 0 THEN 'l1'
                   WHEN GROUPING(category_l2) = 0 THEN 'l2' WHEN GROUPING(department) = 0 THEN 'dept'
                   WHEN GROUPING(county_code) = 0 THEN 'county' ELSE 'town' END AS dim,
              coalesce(strftime(m, '%Y-%m'), category_l1, category_l2, department, county_code, town_code) AS code,
              count(*)::INTEGER AS tickets
       FROM (SELECT date_trunc('month', received_at)::DATE AS m, category_l1, category_l2, department,
                    county_code, town_code FROM tickets ${where.sql})
       GROUP BY GROUPING SETS ((m), (category_l1), (category_l2), (department), (county_code), (town_code))`,
    );
    const names = await lease.rows<{
      code: string;
      zh: string | null;
      en: string | null;
    }>(`SELECT code, name_zh AS zh, name_en AS en FROM categories
       UNION ALL SELECT code, name, NULL FROM regions WHERE level IN (3, 4)`);
    const nameOf = new Map(names.map((n) => [n.code, n]));
    const of = (dim: string) =>
      groups
        .filter((g) => g.dim === dim)
        .sort((a, b) => b.tickets - a.tickets || (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff'));
    const shares = (dim: string): PlaceShare[] =>
      of(dim)
        .slice(0, TOP)
        .map((g) => ({
          code: g.code,
          name: dim === 'dept' ? g.code : g.code === null ? null : (nameOf.get(g.code)?.zh ?? null),
          nameEn: dim === 'dept' || g.code === null ? null : (nameOf.get(g.code)?.en ?? null),
          tickets: g.tickets,
        }));
    const top = (dim: string) => {
      const first = of(dim).find((g) => g.code !== null);
      return first?.code ? { code: first.code, name: nameOf.get(first.code)?.zh ?? null } : null;
    };
    // Every month of the range, those without appeals as 0, so the sparkline's gaps are real.
    const counted = new Map(of('month').map((g) => [g.code, g.tickets]));
    const months: PlaceSummary['months'] = [];
    const cursor = new Date(`${filters.from.slice(0, 7)}-01T00:00:00Z`);
    while (cursor.toISOString().slice(0, 10) <= filters.to) {
      const month = cursor.toISOString().slice(0, 7);
      months.push({ month, tickets: counted.get(month) ?? 0 });
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    }
    const recent = await rows<PlaceTicket>(
      `SELECT t.ticket_id AS "ticketId", strftime(t.received_at, '%Y-%m-%d %H:%M') AS "receivedAt",
              c.name_zh AS "categoryZh", c.name_en AS "categoryEn", t.title,
              left(t.content, $chars) AS content, t.status
       FROM (SELECT ticket_id, received_at, category_l1, category_l2, title, content, status
             FROM tickets ${where.sql} ORDER BY received_at DESC, ticket_id LIMIT $recent) t
       LEFT JOIN categories c ON c.code = coalesce(t.category_l2, t.category_l1)
       ORDER BY t.received_at DESC, t.ticket_id`,
      { recent: RECENT, chars: PLACE_CONTENT_CHARS },
    );
    return {
      tickets: months.reduce((sum, m) => sum + m.tickets, 0),
      months,
      categories: shares('l1'),
      subcategories: shares('l2'),
      departments: shares('dept'),
      recent,
      county: top('county'),
      town: top('town'),
    };
  } finally {
    lease.release();
  }
}
