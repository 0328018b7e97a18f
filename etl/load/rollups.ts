import type { DuckDBConnection } from '@duckdb/node-api';
import { execute } from '../../lib/db/connection';

/**
 * Rebuilds the daily rollup the dashboard's trend and share queries read: one row per day × first- and
 * second-level category × district × street × channel × appeal type × department × status. A full rebuild is a
 * single GROUP BY (about a second per 10 million tickets here), simpler and safer than patching affected days.
 */
export async function refreshRollups(connection: DuckDBConnection): Promise<void> {
  await execute(connection, 'BEGIN TRANSACTION');
  try {
    await execute(connection, 'DELETE FROM daily_counts');
    await execute(
      connection,
      `INSERT INTO daily_counts
       SELECT received_at::DATE AS day, category_l1, category_l2, county_code, town_code, channel, appeal_type,
              department, status,
              count(*)::INTEGER AS tickets,
              count(*) FILTER (WHERE status = 'closed')::INTEGER AS closed,
              count(*) FILTER (WHERE resolved)::INTEGER AS resolved,
              count(satisfaction)::INTEGER AS rated,
              count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied'))::INTEGER AS satisfied,
              count(*) FILTER (WHERE overdue)::INTEGER AS overdue,
              count(*) FILTER (WHERE returned)::INTEGER AS returned,
              sum(handling_hours) AS handling_hours_sum
       FROM tickets
       GROUP BY ALL`,
    );
    await execute(connection, 'COMMIT');
  } catch (error) {
    await execute(connection, 'ROLLBACK');
    throw error;
  }
}
