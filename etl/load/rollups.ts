import type { DuckDBConnection } from '@duckdb/node-api';
import { execute } from '../../lib/db/connection';
import { HANDLING_BUCKET_SQL } from '../../lib/sql/handling-time';
import { MONTHLY_SOURCES, monthlyTwin, ROLLUPS, type Rollup } from '../../lib/sql/rollup-choice';
import { ROLLUP_MEASURES } from '../../lib/sql/rollup-measures';
import { REPEAT_WINDOW_DAYS, TICKET_COMPLEXITY_SQL, TICKET_SUCCESS_SQL } from '../../lib/sql/ticket-facts';

/** The smaller rollups' sums: counts stay INTEGER (a month's count fits), sums of hours and weights DOUBLE. */
const DOUBLE_MEASURES = new Set(['handling_hours_sum', 'complexity', 'complexity_handled_well']);
function sumsSql(measures: readonly string[]): string {
  return measures
    .map((m) => `sum(${m})::${DOUBLE_MEASURES.has(m) ? 'DOUBLE' : 'INTEGER'} AS ${m}`)
    .join(', ');
}
const TOTALS_SUMS = sumsSql(ROLLUP_MEASURES);

/**
 * The order daily_counts is stored in. DuckDB skips the blocks a filter rules out by their min and max, and most
 * questions that still need daily_counts name a street (the smaller rollups have none). Sorted by day alone, a
 * street's rows are spread over every block of the range asked; sorted by month and then street, a street's month
 * is a few neighbouring rows, while a question without a street still skips the months outside its range. On the
 * 10-million-ticket bench warehouse a street's year of KPIs went from about 210 to 45 ms of CPU, and a type and
 * second-level category without a street stayed where it was (about 200 ms).
 */
const DAILY_COUNTS_ORDER = "ORDER BY date_trunc('month', day), county_code, town_code, day";

/** Whether `target` can be summed from `source`: every dimension, the buckets and the measures it needs. */
function holds(source: Rollup, target: Rollup): boolean {
  return (
    target.dimensions.every((d) => source.dimensions.includes(d)) &&
    (!target.buckets || source.buckets) &&
    (target.ticketsOnly || !source.ticketsOnly)
  );
}

/**
 * Rebuilds what the dashboard reads instead of scanning every ticket: `repeat_appeals` (tickets that repeat a
 * caller's appeal on the same problem within REPEAT_WINDOW_DAYS) and `daily_counts`, one row per day × category
 * (L1, L2) × district × street × channel × appeal type × department × status × handling-time bucket, with the
 * counts every KPI needs, and from it the smaller rollups of lib/sql/rollup-choice.ts (a few dimensions each), which
 * answer the common questions many times faster. The handling-time bucket lets medians and p90s come from a rollup
 * (lib/sql/handling-time).
 *
 * A full rebuild is a few GROUP BYs (seconds per 10 million tickets here), simpler and safer than patching the
 * affected days; it runs in one transaction, so a reader of the working copy never sees half a rollup.
 */
export async function refreshRollups(
  connection: DuckDBConnection,
  /** Seconds per table are added here (`rollups:<table>`), so a benchmark shows which one is slow. */
  timings?: Record<string, number>,
): Promise<void> {
  const timed = async (table: string, sql: string) => {
    const started = performance.now();
    await execute(connection, sql);
    if (timings) timings[`rollups:${table}`] = (performance.now() - started) / 1000;
  };
  await execute(connection, 'BEGIN TRANSACTION');
  try {
    await timed(
      'repeat_appeals',
      `CREATE OR REPLACE TABLE repeat_appeals AS
       SELECT ticket_id, previous_ticket_id, days_since_previous
       FROM (
         SELECT ticket_id,
                lag(ticket_id) OVER w AS previous_ticket_id,
                date_diff('second', lag(received_at) OVER w, received_at) / 86400.0 AS days_since_previous
         FROM tickets
         WHERE caller_key IS NOT NULL
         WINDOW w AS (PARTITION BY caller_key, coalesce(category_l2, category_l1, '') ORDER BY received_at, ticket_id)
       )
       WHERE days_since_previous <= ${REPEAT_WINDOW_DAYS}`,
    );
    await timed(
      'daily_counts',
      `CREATE OR REPLACE TABLE daily_counts AS
       SELECT * FROM (
       SELECT received_at::DATE AS day, category_l1, category_l2, county_code, town_code, channel, appeal_type,
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
       FROM tickets t LEFT JOIN repeat_appeals r USING (ticket_id)
       GROUP BY ALL)
       ${DAILY_COUNTS_ORDER}`,
    );
    // Largest first, each from the smallest rollup already built that holds its columns: summing a few thousand
    // rows of daily_types is far cheaper than re-reading daily_counts, which has nearly a row per ticket.
    const built: Rollup[] = ROLLUPS.filter((r) => r.table === 'daily_counts');
    for (const rollup of [...ROLLUPS].reverse()) {
      if (rollup.table === 'daily_counts') continue;
      const source = ROLLUPS.find((r) => built.includes(r) && holds(r, rollup)) ?? built[0]!;
      const columns = ['day', ...rollup.dimensions, ...(rollup.buckets ? ['handling_bucket'] : [])].join(
        ', ',
      );
      await timed(
        rollup.table,
        `CREATE OR REPLACE TABLE ${rollup.table} AS
         SELECT ${columns}, ${rollup.ticketsOnly ? 'sum(tickets)::INTEGER AS tickets' : TOTALS_SUMS}
         FROM ${source.table}
         ${rollup.buckets && !source.ticketsOnly ? 'WHERE handling_bucket IS NOT NULL' : ''}
         GROUP BY ALL
         ORDER BY day`,
      );
      built.push(rollup);
    }
    // The map's hexagons (r6 and r8, zoom ≤ 13): appeals per day and r8 cell (its r6 parent beside it) with the
    // filters a city-, district- or street-wide look uses (CELL_ROLLUP_DIMENSIONS), so the layer sums a small table
    // instead of scanning every ticket (lib/queries/map-hexagons.ts). Each cell's place is the mean position of its
    // appeals, for the map's box.
    await timed(
      'daily_cells',
      `CREATE OR REPLACE TABLE daily_cells AS
       SELECT received_at::DATE AS day, h3_r8, h3_r6, category_l1, county_code, town_code, channel,
              count(*)::INTEGER AS tickets
       FROM tickets WHERE h3_r8 IS NOT NULL
       GROUP BY ALL
       ORDER BY day`,
    );
    await timed(
      'cell_places',
      `CREATE OR REPLACE TABLE cell_places AS
       SELECT 8 AS resolution, h3_r8 AS cell, avg(lon) AS lon, avg(lat) AS lat
       FROM tickets WHERE h3_r8 IS NOT NULL GROUP BY h3_r8
       UNION ALL
       SELECT 6, h3_r6, avg(lon), avg(lat) FROM tickets WHERE h3_r6 IS NOT NULL GROUP BY h3_r6`,
    );
    // Each rollup's monthly twin, summed from it: what questions over whole months read (lib/sql/rollup-choice.ts).
    for (const daily of MONTHLY_SOURCES) {
      const rollup = ROLLUPS.find((r) => r.table === daily);
      const measures = rollup && !rollup.ticketsOnly ? ROLLUP_MEASURES : (['tickets'] as const);
      const monthly = monthlyTwin(daily);
      await timed(
        monthly,
        `CREATE OR REPLACE TABLE ${monthly} AS
         SELECT * FROM (
           SELECT date_trunc('month', day)::DATE AS day, * EXCLUDE (day, ${measures.join(', ')}),
                  ${sumsSql(measures)}
           FROM ${daily}
           GROUP BY ALL)
         ORDER BY day`,
      );
    }
    await execute(connection, 'COMMIT');
  } catch (error) {
    await execute(connection, 'ROLLBACK');
    throw error;
  }
}
