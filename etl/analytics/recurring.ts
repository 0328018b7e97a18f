import type { DuckDBConnection } from '@duckdb/node-api';
import { nearDuplicateClusters, type TextItem } from '../../lib/analytics/recurring/minhash';
import { RECURRING_PARAMETERS as P } from '../../lib/analytics/recurring/parameters';
import { segment } from '../../lib/analytics/text/segment';
import { execute, queryRows } from '../../lib/db/connection';
import type { AnalyticsStep } from './steps';

/**
 * Recurring issues (docs/recurring.md): the same problem at the same place month after month (place), many callers
 * on one problem and place (crowd, 多人同诉), one caller on one problem again and again (caller, 一人多诉), and
 * near-duplicate appeals by their words (text). Grouping by place and caller is SQL; the text grouping segments the
 * appeals with the text module's jieba and runs MinHash + LSH in TypeScript. Both tables are replaced in one
 * transaction.
 */
export const recurringStep: AnalyticsStep = {
  name: 'recurring',
  description:
    'recurring issues by place, caller and near-duplicate text (recurring_issues, recurring_members)',
  phase: 'derived',
  run: async (connection, context) => {
    const clusters = await textClusters(connection);
    context.onProgress?.(`recurring: ${clusters.length} text clusters`);
    await writeRecurring(connection, clusters);
  },
};

const TABLES_DDL = `
  CREATE OR REPLACE TABLE recurring_issues (
    issue_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, category_l1 VARCHAR, category_l2 VARCHAR,
    place_key VARCHAR, county_code VARCHAR, town_code VARCHAR, cell UBIGINT, lon DOUBLE, lat DOUBLE,
    tickets INTEGER NOT NULL, callers INTEGER NOT NULL, places INTEGER NOT NULL, months INTEGER NOT NULL,
    first_at TIMESTAMP, last_at TIMESTAMP, label VARCHAR);
  CREATE OR REPLACE TABLE recurring_members (issue_id VARCHAR NOT NULL, ticket_id VARCHAR NOT NULL)`;

/**
 * Members of the place, crowd and caller groups. Ids are derived from what the group is (kind, category, place or
 * caller), never from row numbers, so the planners' workflow state (lib/appdb) stays attached across reloads.
 */
const GROUP_MEMBERS_SQL = `
  WITH place_groups AS (
    SELECT category_l2, place_key, count(*) AS tickets, count(DISTINCT caller_key) AS callers,
           count(DISTINCT date_trunc('month', received_at)) AS months
    FROM tickets WHERE place_key IS NOT NULL AND category_l2 IS NOT NULL AND received_at IS NOT NULL
    GROUP BY ALL),
  place_kinds AS (
    SELECT category_l2, place_key,
           CASE WHEN months >= $placeMinMonths AND tickets >= $placeMinTickets THEN 'place'
                WHEN callers >= $crowdMinCallers THEN 'crowd' END AS kind
    FROM place_groups),
  caller_groups AS (
    SELECT category_l2, caller_key FROM tickets
    WHERE caller_key IS NOT NULL AND category_l2 IS NOT NULL
    GROUP BY ALL HAVING count(*) >= $callerMinTickets)
  INSERT INTO recurring_members
  SELECT k.kind || ':' || k.category_l2 || ':' || left(md5(k.place_key), 16), t.ticket_id
  FROM tickets t JOIN place_kinds k USING (category_l2, place_key) WHERE k.kind IS NOT NULL
  UNION ALL
  SELECT 'caller:' || g.category_l2 || ':' || left(g.caller_key, 16), t.ticket_id
  FROM tickets t JOIN caller_groups g USING (category_l2, caller_key)`;

/** One row per issue from its members: the most common category, place, cell and street, counts and span. */
const ISSUES_SQL = `
  INSERT INTO recurring_issues
  SELECT m.issue_id, split_part(m.issue_id, ':', 1) AS kind,
         mode(t.category_l1), mode(t.category_l2), mode(t.place_key), mode(t.county_code), mode(t.town_code),
         mode(t.h3_r10), avg(t.lon), avg(t.lat), count(*)::INTEGER, count(DISTINCT t.caller_key)::INTEGER,
         count(DISTINCT coalesce(t.place_key, t.h3_r10::VARCHAR))::INTEGER,
         count(DISTINCT date_trunc('month', t.received_at))::INTEGER, min(t.received_at), max(t.received_at),
         coalesce(mode(t.place_key), arg_min(t.title, t.received_at))
  FROM recurring_members m JOIN tickets t USING (ticket_id)
  GROUP BY m.issue_id`;

interface TextRow {
  ticket_id: string;
  block: string;
  hours: number;
  text: string;
  caller_key: string | null;
  category_l2: string | null;
  town_code: string | null;
}

/**
 * Near-duplicate clusters over every appeal's title and content, plus the same caller's appeals on one problem
 * within the window (a hotline call followed by a web message often tells the problem in other words entirely).
 * Blocked by district (web messages name no street): two appeals with the same words in different districts are the
 * same kind of problem, not the same problem, and templated texts would otherwise chain thousands of unrelated
 * appeals together. The words keep estate and road names (segment() drops only stop words), which is what separates
 * two 小区 of one district.
 */
async function textClusters(connection: DuckDBConnection): Promise<string[][]> {
  const rows = await queryRows<TextRow>(
    connection,
    `SELECT ticket_id, coalesce(county_code, '?') AS block, caller_key, category_l2, town_code,
            epoch(received_at) / 3600.0 AS hours, concat_ws(' ', title, content) AS text
     FROM tickets WHERE received_at IS NOT NULL ORDER BY ticket_id`,
  );
  const items: TextItem[] = rows.map((row) => ({
    words: new Set(segment(row.text)),
    block: row.block,
    hours: row.hours,
    caller: row.caller_key,
    category: row.category_l2,
    area: row.town_code,
  }));
  const clusters = nearDuplicateClusters(items, {
    hashes: P.minHashes,
    bands: P.lshBands,
    minJaccard: P.textMinJaccard,
    maxHours: P.textMaxHours,
  });
  return clusters.map((cluster) => cluster.map((i) => rows[i]!.ticket_id));
}

async function writeRecurring(connection: DuckDBConnection, clusters: string[][]): Promise<void> {
  await execute(connection, 'BEGIN TRANSACTION');
  try {
    await execute(connection, TABLES_DDL);
    await execute(connection, GROUP_MEMBERS_SQL, {
      placeMinMonths: P.placeMinMonths,
      placeMinTickets: P.placeMinTickets,
      crowdMinCallers: P.crowdMinCallers,
      callerMinTickets: P.callerMinTickets,
    });
    const appender = await connection.createAppender('recurring_members');
    for (const cluster of clusters) {
      // The earliest member's id (ids sort by source and date) names the cluster, stable while its first appeal is.
      const id = `text:${[...cluster].sort()[0]}`;
      for (const ticketId of cluster) {
        appender.appendVarchar(id);
        appender.appendVarchar(ticketId);
        appender.endRow();
      }
    }
    appender.closeSync();
    await execute(connection, ISSUES_SQL);
    await execute(connection, 'COMMIT');
  } catch (error) {
    await execute(connection, 'ROLLBACK');
    throw error;
  }
}
