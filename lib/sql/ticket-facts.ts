/**
 * Per-ticket facts the rollup (etl/load/rollups.ts) sums, defined once here so the overview, the departments view
 * and the briefing agree. Expressions read `tickets` joined with `repeat_appeals r`.
 */

/** A repeat appeal (重复诉求): the same caller on the same second-level problem within this many days. */
export const REPEAT_WINDOW_DAYS = 30;

/**
 * How hard a ticket is to handle well: 1 for a simple ticket, +1 when several departments handle it, +1 when it
 * was escalated (督办/提级), +1 when it repeats an earlier appeal, +0.5 when it was dispatched more than once.
 * Departments are scored on complexity-weighted tickets so closing easy tickets fast cannot top the ranking.
 */
export const TICKET_COMPLEXITY_SQL = `(1.0
  + (coalesce(len(co_departments), 0) > 0)::INTEGER
  + coalesce(escalated, false)::INTEGER
  + (r.ticket_id IS NOT NULL)::INTEGER
  + 0.5 * (coalesce(dispatch_count, 1) > 1)::INTEGER)`;

/**
 * A ticket handled well: closed, not overdue, not reported unresolved, not rated dissatisfied. Unknown fields
 * (channels that do not record them) do not count against it.
 */
export const TICKET_SUCCESS_SQL = `(status = 'closed'
  AND NOT coalesce(overdue, false)
  AND coalesce(resolved, true)
  AND satisfaction IS DISTINCT FROM 'dissatisfied')`;
