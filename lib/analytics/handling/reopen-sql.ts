/**
 * Reopened after closure (false closures, 虚假办结): a ticket closed as resolved, or rated satisfied or basically
 * satisfied, followed by an appeal on the same second-level category from the same caller (keyed hash) or about
 * the same place (normalised place key), received after the closure. For each closure the step keeps the first such
 * appeal by caller and by place within `searchDays`; a request applies its window (default 30 days) to those days.
 *
 * A later appeal about the same place by someone else counts only when the place was quiet on that problem for the
 * window before the closed ticket came in: at a chronic place (a market reported every few days) the next appeal
 * says nothing about this closure, and chronic places are recurring issues (docs/recurring.md), not false closures.
 * The same caller coming back always counts: that is the caller saying it was not fixed.
 *
 * ASOF joins find the first later appeal in O(n log n), where a range self-join on a busy place would be quadratic.
 * A closure stamped before its receipt is a data-quality defect and is left out.
 */
export const CLOSURES_SQL = (searchDays: number) => `
  CREATE OR REPLACE TABLE handling_closures AS
  WITH closures AS (
    SELECT ticket_id, department, category_l2, caller_key, place_key, received_at, closed_at, satisfaction
    FROM tickets
    WHERE closed_at IS NOT NULL AND received_at IS NOT NULL AND closed_at >= received_at
      AND category_l2 IS NOT NULL
      AND (resolved OR satisfaction IN ('satisfied', 'basically_satisfied'))),
  appeals AS (
    SELECT ticket_id AS later_id, category_l2, caller_key, place_key, received_at
    FROM tickets WHERE received_at IS NOT NULL AND category_l2 IS NOT NULL),
  by_caller AS (
    SELECT c.ticket_id, a.later_id, epoch(a.received_at - c.closed_at) / 86400.0 AS days
    FROM closures c ASOF JOIN (SELECT * FROM appeals WHERE caller_key IS NOT NULL) a
      ON c.category_l2 = a.category_l2 AND c.caller_key = a.caller_key AND c.closed_at < a.received_at),
  by_place AS (
    SELECT c.ticket_id, a.later_id, epoch(a.received_at - c.closed_at) / 86400.0 AS days
    FROM closures c ASOF JOIN (SELECT * FROM appeals WHERE place_key IS NOT NULL) a
      ON c.category_l2 = a.category_l2 AND c.place_key = a.place_key AND c.closed_at < a.received_at),
  place_before AS (
    SELECT c.ticket_id, epoch(c.received_at - a.received_at) / 86400.0 AS days
    FROM closures c ASOF JOIN (SELECT * FROM appeals WHERE place_key IS NOT NULL) a
      ON c.category_l2 = a.category_l2 AND c.place_key = a.place_key AND c.received_at > a.received_at)
  SELECT c.ticket_id, c.department AS unit,
         c.satisfaction IN ('satisfied', 'basically_satisfied') AS rated_satisfied,
         c.satisfaction IS NOT NULL AS rated,
         CASE WHEN bc.days <= ${searchDays} THEN bc.later_id END AS caller_reopen_id,
         CASE WHEN bc.days <= ${searchDays} THEN bc.days END AS caller_reopen_days,
         CASE WHEN bp.days <= ${searchDays} THEN bp.later_id END AS place_reopen_id,
         CASE WHEN bp.days <= ${searchDays} THEN bp.days END AS place_reopen_days,
         pb.days AS place_quiet_days
  FROM closures c LEFT JOIN by_caller bc USING (ticket_id) LEFT JOIN by_place bp USING (ticket_id)
       LEFT JOIN place_before pb USING (ticket_id)`;

/** SQL condition: a `handling_closures` row was reopened within `$windowDays` (bound by the caller). */
export const REOPENED_WITHIN = `(coalesce(caller_reopen_days <= $windowDays, false)
  OR coalesce(place_reopen_days <= $windowDays AND coalesce(place_quiet_days > $windowDays, true), false))`;
