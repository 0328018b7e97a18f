import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';
import type { HandlingDimension } from './handling-params';

/** Re-dispatch and multi-unit handling of one category, district or unit over the filtered tickets. */
export interface HandlingRateRow {
  key: string;
  zh: string;
  en: string;
  /** Tickets with a lead unit. */
  tickets: number;
  /** Tickets whose layout reports the dispatch count (the hotline's work orders; web and app rows do not). */
  dispatchKnown: number;
  redispatched: number;
  /** Share of `dispatchKnown` dispatched more than once (反复派单). */
  redispatchRate: number | null;
  multiUnit: number;
  /** Share of `tickets` handled by more than one unit (多头派单). */
  multiUnitRate: number | null;
  /** Returned or re-dispatched with several units: bounced between them. */
  bounced: number;
}

/** The SQL key and label of each breakdown: category by its L2 name, district by region name, unit by itself. */
const DIMENSION_SQL: Record<HandlingDimension, { key: string; zh: string; en: string; join: string }> = {
  category: {
    key: 't.category_l2',
    zh: 'c.name_zh',
    en: 'c.name_en',
    join: 'LEFT JOIN categories c ON c.code = t.category_l2',
  },
  region: {
    key: 't.county_code',
    zh: 'r.name',
    en: 'r.name',
    join: 'LEFT JOIN regions r ON r.code = t.county_code',
  },
  unit: { key: 'p.lead_unit', zh: 'p.lead_unit', en: 'p.lead_unit', join: '' },
};

/** Rates by the chosen dimension, most re-dispatched first; groups with fewer than `minTickets` are left out. */
export async function fetchHandlingRates(
  filters: Filters,
  by: HandlingDimension,
  minTickets = 20,
): Promise<HandlingRateRow[]> {
  const where = filtersWhere(filters, 'tickets');
  const d = DIMENSION_SQL[by];
  return readRows<HandlingRateRow>(
    `SELECT ${d.key} AS key, any_value(${d.zh}) AS zh, any_value(${d.en}) AS en,
            count(*)::INTEGER AS tickets,
            count(p.dispatch_count)::INTEGER AS "dispatchKnown",
            count(*) FILTER (p.redispatched)::INTEGER AS "redispatched",
            CASE WHEN count(p.dispatch_count) > 0
                 THEN count(*) FILTER (p.redispatched) / count(p.dispatch_count) END AS "redispatchRate",
            count(*) FILTER (p.multi_unit)::INTEGER AS "multiUnit",
            count(*) FILTER (p.multi_unit) / count(*) AS "multiUnitRate",
            count(*) FILTER (p.bounced)::INTEGER AS "bounced"
     FROM handling_paths p JOIN (SELECT * FROM tickets ${where.sql}) t USING (ticket_id) ${d.join}
     WHERE ${d.key} IS NOT NULL
     GROUP BY ${d.key}
     HAVING count(*) >= $minTickets
     ORDER BY "redispatchRate" DESC NULLS LAST, "multiUnitRate" DESC, key`,
    { ...where.params, minTickets },
  );
}
