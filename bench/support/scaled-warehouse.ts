import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sampleExports } from '../../etl/cli/commands/demo';
import { builtInLayouts } from '../../etl/load/layouts';
import { loadFiles } from '../../etl/load/load-files';
import { refreshRollups } from '../../etl/load/rollups';
import { execute, openWarehouse, queryRows } from '../../lib/db/connection';
import { tableColumns } from '../../lib/db/table-columns';
import { outdatedRollups } from '../../lib/sql/rollup-choice';

/**
 * A warehouse of `rows` tickets for query benchmarks: the sample city loaded by the real ETL, then each ticket
 * copied with its own id and caller, so every distribution (categories, districts, departments, seasons, handling
 * times) is the sample's at a larger scale. Building 10M rows takes about five minutes here;
 * the file is kept in `dir` and reused while its row count matches.
 */
export async function scaledWarehouse(dir: string, rows: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `warehouse-${rows}.duckdb`);
  if (existsSync(target) && (await ticketCount(target)) === rows) {
    await refreshOlderRollups(target);
    return target;
  }

  const sample = path.join(dir, 'sample.duckdb');
  if (!existsSync(sample)) {
    await loadFiles(sampleExports(), {
      config: {
        databasePath: sample,
        timeZone: 'Asia/Shanghai',
        regionCode: '511500',
        secretPath: path.join(dir, 'secret'),
      },
      layouts: builtInLayouts(),
      analytics: false,
    });
  }
  rmSync(target, { force: true });
  copyFileSync(sample, target);
  const warehouse = await openWarehouse(target, { timeZone: 'Asia/Shanghai' });
  try {
    const { connection } = warehouse;
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      connection,
      'SELECT count(*)::INTEGER AS n FROM tickets',
    );
    const copies = Math.ceil(rows / n);
    // Each copy keeps its ticket's category, channel, department and district, but moves to another street of the
    // same district, a day or three earlier or later, with its handling time stretched by 0.7–1.3: real data have
    // that diversity, and a rollup that only met the sample's 20,000 combinations would flatter every query.
    await execute(
      connection,
      `CREATE TEMP TABLE towns AS
       SELECT code, parent_code, (row_number() OVER (PARTITION BY parent_code ORDER BY code) - 1)::UBIGINT AS i,
              count(*) OVER (PARTITION BY parent_code)::UBIGINT AS n
       FROM regions WHERE level = 4`,
    );
    await execute(
      connection,
      `CREATE TEMP TABLE scaled AS
       SELECT * EXCLUDE (c, shift, stretch, new_town) REPLACE (
                ticket_id || '#' || c AS ticket_id,
                source_id || '#' || c AS source_id,
                caller_key || '#' || c AS caller_key,
                coalesce(new_town, town_code) AS town_code,
                coalesce(new_town, region_code) AS region_code,
                received_at + shift AS received_at,
                dispatched_at + shift AS dispatched_at,
                first_response_at + shift AS first_response_at,
                due_at + shift AS due_at,
                received_at + shift + to_seconds((handling_hours * stretch * 3600)::BIGINT) AS closed_at,
                handling_hours * stretch AS handling_hours)
       FROM (SELECT t.*, c.range AS c,
                    to_minutes(((hash(t.ticket_id, c.range) % 8640)::BIGINT - 4320)) AS shift,
                    0.7 + 0.6 * (hash(c.range, t.ticket_id) % 1000) / 1000.0 AS stretch,
                    (SELECT code FROM towns w
                     WHERE w.parent_code = t.county_code AND w.i = hash(t.ticket_id, c.range, 7) % w.n) AS new_town
             FROM tickets t, range(${copies}) c)
       LIMIT ${rows}`,
    );
    await execute(connection, 'DELETE FROM tickets');
    await execute(connection, 'INSERT INTO tickets SELECT * FROM scaled ORDER BY received_at');
    await execute(connection, 'DROP TABLE scaled');
    await execute(connection, 'DROP TABLE towns');
    await refreshRollups(connection);
    await execute(connection, 'CHECKPOINT');
  } finally {
    warehouse.close();
  }
  return target;
}

/** A kept warehouse whose rollups an earlier version built (or lacks) is brought up to date, as `etl analyse` would. */
async function refreshOlderRollups(file: string): Promise<void> {
  const warehouse = await openWarehouse(file, { timeZone: 'Asia/Shanghai' });
  try {
    if (outdatedRollups(await tableColumns(warehouse.connection)).length === 0) return;
    await refreshRollups(warehouse.connection);
    await execute(warehouse.connection, 'CHECKPOINT');
  } finally {
    warehouse.close();
  }
}

async function ticketCount(file: string): Promise<number> {
  const warehouse = await openWarehouse(file, { readOnly: true });
  try {
    const [row] = await queryRows<{ n: number }>(
      warehouse.connection,
      'SELECT count(*)::INTEGER AS n FROM tickets',
    );
    return row?.n ?? 0;
  } finally {
    warehouse.close();
  }
}
