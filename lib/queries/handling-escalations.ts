import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';

/** A ticket dispatched three or more times, or escalated (提级/督办). Ids only: no text, no caller. */
export interface EscalatedTicket {
  ticketId: string;
  receivedAt: string;
  categoryZh: string | null;
  categoryEn: string | null;
  leadUnit: string;
  dispatchCount: number | null;
  escalated: boolean;
  /**
   * Days from receipt to closure, or to the last appeal in the warehouse when still open. The layouts carry no
   * escalation time, so this is how long the ticket waited in all, the escalation somewhere within it.
   */
  waitedDays: number | null;
}

/** Counts over the filtered tickets and the longest-waiting of these tickets. */
export interface EscalationSummary {
  dispatchedThreeTimes: number;
  escalated: number;
  /** Median days escalated tickets waited in all (see EscalatedTicket.waitedDays). */
  escalatedMedianWaitDays: number | null;
  tickets: EscalatedTicket[];
}

export async function fetchEscalations(filters: Filters, limit = 50): Promise<EscalationSummary> {
  const where = filtersWhere(filters, 'tickets');
  const base = `WITH last AS (SELECT max(received_at) AS last_at FROM tickets),
    x AS (
      SELECT t.ticket_id, t.received_at, t.category_l2, p.lead_unit, p.dispatch_count, p.escalated,
             round(epoch(coalesce(t.closed_at, (SELECT last_at FROM last)) - t.received_at) / 86400.0, 1) AS waited
      FROM handling_paths p JOIN (SELECT * FROM tickets ${where.sql}) t USING (ticket_id)
      WHERE p.dispatch_count >= 3 OR p.escalated)`;
  const [summary] = await readRows<Omit<EscalationSummary, 'tickets'>>(
    `${base}
     SELECT count(*) FILTER (dispatch_count >= 3)::INTEGER AS "dispatchedThreeTimes",
            count(*) FILTER (escalated)::INTEGER AS escalated,
            (median(waited) FILTER (escalated))::DOUBLE AS "escalatedMedianWaitDays"
     FROM x`,
    where.params,
  );
  const tickets = await readRows<EscalatedTicket>(
    `${base}
     SELECT ticket_id AS "ticketId", strftime(received_at, '%Y-%m-%d') AS "receivedAt",
            c.name_zh AS "categoryZh", c.name_en AS "categoryEn", lead_unit AS "leadUnit",
            dispatch_count AS "dispatchCount", escalated, waited::DOUBLE AS "waitedDays"
     FROM x LEFT JOIN categories c ON c.code = x.category_l2
     ORDER BY waited DESC NULLS LAST, ticket_id
     LIMIT $limit`,
    { ...where.params, limit },
  );
  return { ...summary!, tickets };
}
