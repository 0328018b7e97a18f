import { HANDLING_PARAMETERS } from '../analytics/handling/parameters';
import { REOPENED_WITHIN } from '../analytics/handling/reopen-sql';
import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';

/**
 * Whether a unit's closures hold (虚假办结): per unit over the filtered tickets. A unit that ranks high by closing
 * easy tickets fast, or by closures that come back, shows here.
 */
export interface UnitClosureQuality {
  unit: string;
  /** Tickets it closed as resolved or that were rated satisfied. */
  closures: number;
  /** Of those, followed within the window by an appeal on the same problem by the same caller or at the same place. */
  reopened: number;
  reopenedAfterClosureRate: number | null;
  /** Tickets it closed, and those closed within the hour of dispatch (or receipt). */
  closedTickets: number;
  closedFast: number;
  fastClosureShare: number | null;
  /** Reopened closures that had been rated, and of those rated satisfied or basically satisfied. */
  reopenedRated: number;
  satisfiedButReopenedShare: number | null;
  /** False when it has too few closures to rank by rate. */
  ranked: boolean;
}

/** The SELECT list per unit, shared by the handling view and the departments scorecard. */
export const UNIT_CLOSURE_SQL = (ticketsWhere: string) => `
  WITH t AS (SELECT ticket_id FROM tickets ${ticketsWhere}),
  closures AS (
    SELECT unit, count(*)::INTEGER AS closures,
           count(*) FILTER (${REOPENED_WITHIN})::INTEGER AS reopened,
           count(*) FILTER (${REOPENED_WITHIN} AND rated)::INTEGER AS reopened_rated,
           count(*) FILTER (${REOPENED_WITHIN} AND rated_satisfied)::INTEGER AS reopened_satisfied
    FROM handling_closures JOIN t USING (ticket_id) WHERE unit IS NOT NULL GROUP BY unit),
  closed AS (
    SELECT lead_unit AS unit, count(closed_fast)::INTEGER AS closed_tickets,
           count(*) FILTER (closed_fast)::INTEGER AS closed_fast
    FROM handling_paths JOIN t USING (ticket_id) GROUP BY lead_unit)
  SELECT unit, coalesce(closures, 0) AS closures, coalesce(reopened, 0) AS reopened,
         CASE WHEN closures > 0 THEN reopened / closures END AS "reopenedAfterClosureRate",
         coalesce(closed_tickets, 0) AS "closedTickets", coalesce(closed_fast, 0) AS "closedFast",
         CASE WHEN closed_tickets > 0 THEN closed_fast / closed_tickets END AS "fastClosureShare",
         coalesce(reopened_rated, 0) AS "reopenedRated",
         CASE WHEN reopened_rated > 0 THEN reopened_satisfied / reopened_rated END AS "satisfiedButReopenedShare",
         coalesce(closures, 0) >= $minClosures AS ranked
  FROM closed FULL JOIN closures USING (unit)`;

/** Every unit with a closed ticket, ranked ones first by reopened-after-closure rate, highest first. */
export async function fetchUnitClosureQuality(
  filters: Filters,
  windowDays: number,
): Promise<UnitClosureQuality[]> {
  const where = filtersWhere(filters, 'tickets');
  return readRows<UnitClosureQuality>(
    `${UNIT_CLOSURE_SQL(where.sql)}
     ORDER BY ranked DESC, "reopenedAfterClosureRate" DESC NULLS LAST, closures DESC, unit`,
    { ...where.params, windowDays, minClosures: HANDLING_PARAMETERS.minClosuresToRank },
  );
}

/** The closure figures the departments scorecard shows beside the complexity-weighted score. */
export type ClosureQuality = Pick<
  UnitClosureQuality,
  'reopenedAfterClosureRate' | 'fastClosureShare' | 'satisfiedButReopenedShare'
>;

/**
 * Closure quality per unit at the default window, keyed by unit; empty when the warehouse has no handling tables
 * yet (the step has not run), so the scorecard still answers.
 */
export async function fetchClosureQualityByUnit(filters: Filters): Promise<Map<string, ClosureQuality>> {
  if (!(await handlingTablesPresent())) return new Map();
  const rows = await fetchUnitClosureQuality(filters, HANDLING_PARAMETERS.reopenWindowDays);
  return new Map(
    rows.map((r) => [
      r.unit,
      {
        reopenedAfterClosureRate: r.reopenedAfterClosureRate,
        fastClosureShare: r.fastClosureShare,
        satisfiedButReopenedShare: r.satisfiedButReopenedShare,
      },
    ]),
  );
}

/** Whether the handling step has written its tables (views that only add to their own figures ask first). */
export async function handlingTablesPresent(): Promise<boolean> {
  const [present] = await readRows<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables()
     WHERE table_name IN ('handling_closures', 'handling_paths', 'handling_bounces')`,
  );
  return present?.n === 3;
}
