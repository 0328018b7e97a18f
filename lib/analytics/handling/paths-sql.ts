/**
 * Dispatch paths from the fields every layout carries (lead unit, co-handling units, dispatch count, returned,
 * escalated). The exports have no step-by-step flow log, so a path is the set of units a ticket passed through: its
 * lead and co-handling units. A ticket that was returned or dispatched more than once and involves several units
 * was bounced between its lead unit and each co-handling unit; those are its bounce pairs (unordered).
 *
 * `handling_paths`: one row per ticket with a lead unit. `dispatch_count` stays NULL where the layout does not say
 * (web and app exports), so rates count only tickets that report it.
 */
export const PATHS_SQL = (fastClosureMinutes: number) => `
  CREATE OR REPLACE TABLE handling_paths AS
  SELECT ticket_id, department AS lead_unit,
         list_sort(list_distinct(list_filter(coalesce(co_departments, []::VARCHAR[]),
                                             u -> u IS NOT NULL AND u <> department))) AS co_units,
         dispatch_count, returned, coalesce(escalated, false) AS escalated,
         dispatch_count > 1 AS redispatched,
         len(co_units) > 0 AS multi_unit,
         (coalesce(returned, false) OR coalesce(dispatch_count, 1) > 1) AND len(co_units) > 0 AS bounced,
         CASE WHEN closed_at IS NOT NULL AND closed_at >= coalesce(dispatched_at, received_at)
              THEN closed_at < coalesce(dispatched_at, received_at) + INTERVAL ${Math.round(fastClosureMinutes)} MINUTE
         END AS closed_fast
  FROM tickets WHERE department IS NOT NULL`;

/** One row per bounced ticket and pair of units it was bounced between, the pair in name order. */
export const BOUNCES_SQL = `
  CREATE OR REPLACE TABLE handling_bounces AS
  SELECT ticket_id, least(lead_unit, co) AS unit_a, greatest(lead_unit, co) AS unit_b
  FROM (SELECT ticket_id, lead_unit, unnest(co_units) AS co FROM handling_paths WHERE bounced)`;
