import { HANDLING_BUCKET_SQL } from '../../lib/sql/handling-time';
import { CELL_ROLLUP_DIMENSIONS, ROLLUPS, type Rollup } from '../../lib/sql/rollup-choice';
import { ROLLUP_MEASURES } from '../../lib/sql/rollup-measures';
import { REPEAT_WINDOW_DAYS, TICKET_COMPLEXITY_SQL, TICKET_SUCCESS_SQL } from '../../lib/sql/ticket-facts';

/**
 * The SELECTs that build each rollup, shared by the full rebuild (etl/load/rollups.ts) and the refresh of what a
 * load changed (etl/load/rollups-changed.ts), so both count alike. Each takes the rows to count as a condition on
 * `tickets t` (or a source table), so the refresh can count a few days or a few new tickets with the same text.
 */

/** The smaller rollups' sums: counts stay INTEGER (a month's count fits), sums of hours and weights DOUBLE. */
const DOUBLE_MEASURES = new Set(['handling_hours_sum', 'complexity', 'complexity_handled_well']);
export function sumsSql(measures: readonly string[]): string {
  return measures
    .map((m) => `sum(${m})::${DOUBLE_MEASURES.has(m) ? 'DOUBLE' : 'INTEGER'} AS ${m}`)
    .join(', ');
}

/**
 * The order daily_counts is stored in. DuckDB skips the blocks a filter rules out by their min and max, and most
 * questions that still need daily_counts name a street (the smaller rollups have none). Sorted by day alone, a
 * street's rows are spread over every block of the range asked; sorted by month and then street, a street's month
 * is a few neighbouring rows, while a question without a street still skips the months outside its range. On the
 * 10-million-ticket bench warehouse a street's year of KPIs went from about 210 to 45 ms of CPU, and a type and
 * second-level category without a street stayed where it was (about 200 ms).
 */
export const DAILY_COUNTS_ORDER = "ORDER BY date_trunc('month', day), county_code, town_code, day";

/**
 * Tickets that repeat a caller's appeal on the same problem within REPEAT_WINDOW_DAYS, among the tickets of
 * `where` (a condition on `tickets`). A caller's tickets must all be in or all out: the window looks at the one
 * before.
 */
export function repeatAppealsSelect(where = 'true'): string {
  return `SELECT ticket_id, previous_ticket_id, days_since_previous
    FROM (
      SELECT ticket_id,
             lag(ticket_id) OVER w AS previous_ticket_id,
             date_diff('second', lag(received_at) OVER w, received_at) / 86400.0 AS days_since_previous
      FROM tickets
      WHERE caller_key IS NOT NULL AND (${where})
      WINDOW w AS (PARTITION BY caller_key, coalesce(category_l2, category_l1, '') ORDER BY received_at, ticket_id)
    )
    WHERE days_since_previous <= ${REPEAT_WINDOW_DAYS}`;
}

/**
 * daily_counts' rows for the tickets `t` of `where`: one per day × category (L1, L2) × district × street × channel ×
 * appeal type × department × status × handling-time bucket, with the counts every KPI needs (ROLLUP_MEASURES).
 * `repeatAppeals` names the table that marks repeats (a rebuild reads the one it has just built aside).
 */
export function dailyCountsSelect(where = 'true', repeatAppeals = 'repeat_appeals'): string {
  return `SELECT received_at::DATE AS day, category_l1, category_l2, county_code, town_code, channel, appeal_type,
            department, status, ${HANDLING_BUCKET_SQL} AS handling_bucket,
            count(*)::INTEGER AS tickets,
            count(*) FILTER (WHERE status = 'closed')::INTEGER AS closed,
            count(resolved)::INTEGER AS resolution_known,
            count(*) FILTER (WHERE resolved)::INTEGER AS resolved,
            count(satisfaction)::INTEGER AS rated,
            count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied'))::INTEGER AS satisfied,
            count(*) FILTER (WHERE satisfaction = 'dissatisfied')::INTEGER AS dissatisfied,
            count(*) FILTER (WHERE status = 'closed' AND due_at IS NOT NULL AND closed_at IS NOT NULL)::INTEGER
              AS closed_with_due,
            count(*) FILTER (WHERE status = 'closed' AND closed_at <= due_at)::INTEGER AS closed_on_time,
            count(*) FILTER (WHERE overdue)::INTEGER AS overdue,
            count(returned)::INTEGER AS return_known,
            count(*) FILTER (WHERE returned)::INTEGER AS returned,
            count(*) FILTER (WHERE dispatch_count > 1)::INTEGER AS redispatched,
            count(*) FILTER (WHERE escalated)::INTEGER AS escalated,
            count(*) FILTER (WHERE len(co_departments) > 0)::INTEGER AS multi_department,
            count(caller_key)::INTEGER AS caller_known,
            count(r.ticket_id)::INTEGER AS repeat_appeals,
            count(*) FILTER (WHERE status NOT IN ('closed', 'cancelled'))::INTEGER AS still_open,
            count(*) FILTER (WHERE handling_hours >= 0 AND handling_hours < 10 / 60)::INTEGER AS closed_in_minutes,
            count(*) FILTER (WHERE closed_at < received_at)::INTEGER AS closed_before_received,
            count(*) FILTER (WHERE county_code IS NULL)::INTEGER AS no_region,
            sum(handling_hours) FILTER (WHERE handling_hours >= 0) AS handling_hours_sum,
            -- DOUBLE: the weights are DECIMAL literals, and sums of 128-bit decimals are many times slower to read.
            sum(${TICKET_COMPLEXITY_SQL})::DOUBLE AS complexity,
            sum(${TICKET_COMPLEXITY_SQL} * (${TICKET_SUCCESS_SQL})::INTEGER)::DOUBLE AS complexity_handled_well
     FROM tickets t LEFT JOIN ${repeatAppeals} r USING (ticket_id)
     WHERE ${where}
     GROUP BY ALL`;
}

/** A smaller rollup's rows summed from `source`, a table or subquery with daily_counts' columns. */
export function rollupSelect(rollup: Rollup, source: string, sourceTicketsOnly = false): string {
  const columns = ['day', ...rollup.dimensions, ...(rollup.buckets ? ['handling_bucket'] : [])].join(', ');
  return `SELECT ${columns}, ${rollup.ticketsOnly ? 'sum(tickets)::INTEGER AS tickets' : sumsSql(ROLLUP_MEASURES)}
    FROM ${source}
    ${rollup.buckets && !sourceTicketsOnly ? 'WHERE handling_bucket IS NOT NULL' : ''}
    GROUP BY ALL`;
}

/**
 * The map's hexagons (r6 and r8, zoom ≤ 13): appeals per day and r8 cell (its r6 parent beside it) with every
 * dimension a filter names (CELL_ROLLUP_DIMENSIONS), so the layer sums a small table instead of scanning every
 * ticket (lib/queries/map-hexagons.ts).
 */
export function dailyCellsSelect(where = 'true'): string {
  return `SELECT received_at::DATE AS day, h3_r8, h3_r6, ${CELL_ROLLUP_DIMENSIONS.join(', ')},
            count(*)::INTEGER AS tickets
     FROM tickets t WHERE h3_r8 IS NOT NULL AND (${where})
     GROUP BY ALL`;
}

/**
 * Each cell's place, the mean position of its appeals, for the map's box. `where` narrows the cells counted, as
 * conditions on `tickets t` for the r8 and the r6 cells (a refresh recounts only the cells a load touched).
 */
export function cellPlacesSelect(where: { r8: string; r6: string } = { r8: 'true', r6: 'true' }): string {
  return `SELECT 8 AS resolution, h3_r8 AS cell, avg(lon) AS lon, avg(lat) AS lat
     FROM tickets t WHERE h3_r8 IS NOT NULL AND (${where.r8}) GROUP BY h3_r8
     UNION ALL
     SELECT 6, h3_r6, avg(lon), avg(lat) FROM tickets t WHERE h3_r6 IS NOT NULL AND (${where.r6}) GROUP BY h3_r6`;
}

/**
 * A rollup's monthly twin summed from `source`: a table or subquery with the columns of a rollup that holds it,
 * daily or monthly (`sourceTicketsOnly` as for rollupSelect).
 */
export function monthlyRollupSelect(rollup: Rollup, source: string, sourceTicketsOnly = false): string {
  return rollupSelect(
    rollup,
    `(SELECT * REPLACE (date_trunc('month', day)::DATE AS day) FROM ${source})`,
    sourceTicketsOnly,
  );
}

/** The map's monthly_cells summed from `source` (daily_cells' rows, or a subquery of them). */
export function monthlySelect(source: string, measures: readonly string[]): string {
  return `SELECT date_trunc('month', day)::DATE AS day, * EXCLUDE (day, ${measures.join(', ')}), ${sumsSql(measures)}
    FROM ${source}
    GROUP BY ALL`;
}

/** The measures a monthly twin sums: all of them, or only tickets for a rollup that counts nothing else. */
export function monthlyMeasures(daily: string): readonly string[] {
  const rollup = ROLLUPS.find((r) => r.table === daily);
  return rollup && !rollup.ticketsOnly ? ROLLUP_MEASURES : ['tickets'];
}
