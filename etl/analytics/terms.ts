import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { problemTerms } from '../../lib/analytics/text/segment';
import { execute, queryRows } from '../../lib/db/connection';
import type { AnalyticsStep } from './steps';

/**
 * Bump when problemTerms, the dictionary or the stop words change: every ticket's terms are then rebuilt, not only
 * those of new and changed tickets.
 */
export const TERMS_VERSION = '1';
const BATCH = 20_000;

/**
 * The deployment's place names, so that hot words are about problems, not about where they are: every region
 * name and alias (翠屏区, 翠屏, 合江门街道, 合江门). Street, road and 小区 names are caught by their suffix in
 * problemTerms.
 */
async function placeNames(connection: DuckDBConnection): Promise<Set<string>> {
  const rows = await queryRows<{ name: string }>(
    connection,
    'SELECT name FROM regions UNION SELECT alias FROM region_aliases',
  );
  const names = new Set<string>();
  for (const { name } of rows) {
    names.add(name);
    // Short forms as people write them: 合江门街道 → 合江门, 翠屏区 → 翠屏.
    const short = name.replace(/(街道办事处|街道|镇|乡|区|县|市)$/, '');
    if ([...short].length >= 2) names.add(short);
  }
  return names;
}

/**
 * Keeps `ticket_terms` (ticket_id, term) up to date: the distinct problem words of each ticket's title and content
 * (segment.ts problemTerms), which hot words count at request time (lib/queries/hot-words.ts). Precomputed because
 * segmentation runs in JavaScript, too slow for a request. Incremental: `ticket_terms_state` remembers the
 * row_hash each ticket was segmented at, so a load segments only new and changed tickets (and drops the terms of
 * changed ones); a new TERMS_VERSION or a region change rebuilds everything. Returns the tickets segmented.
 */
export async function buildTicketTerms(connection: DuckDBConnection): Promise<number> {
  const places = await placeNames(connection);
  await execute(
    connection,
    'CREATE TABLE IF NOT EXISTS ticket_terms (ticket_id VARCHAR NOT NULL, term VARCHAR NOT NULL)',
  );
  await execute(
    connection,
    'CREATE TABLE IF NOT EXISTS ticket_terms_state (ticket_id VARCHAR NOT NULL, row_hash UBIGINT NOT NULL)',
  );
  const [stored] = await queryRows<{ value: string }>(
    connection,
    "SELECT value FROM meta WHERE key = 'terms_version'",
  );
  // The place names are part of the version: a changed region list changes what counts as a problem word.
  const placesHash = createHash('sha256')
    .update([...places].sort().join('|'))
    .digest('hex')
    .slice(0, 16);
  const version = `${TERMS_VERSION}:${placesHash}`;
  if (stored?.value !== version) {
    await execute(connection, 'DELETE FROM ticket_terms');
    await execute(connection, 'DELETE FROM ticket_terms_state');
  }
  // Tickets gone or changed since they were segmented: forget their terms.
  await execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE atlas_stale_terms AS
     SELECT s.ticket_id FROM ticket_terms_state s LEFT JOIN tickets t USING (ticket_id)
     WHERE t.ticket_id IS NULL OR t.row_hash <> s.row_hash`,
  );
  await execute(
    connection,
    'DELETE FROM ticket_terms WHERE ticket_id IN (SELECT ticket_id FROM atlas_stale_terms)',
  );
  await execute(
    connection,
    'DELETE FROM ticket_terms_state WHERE ticket_id IN (SELECT ticket_id FROM atlas_stale_terms)',
  );
  await execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE atlas_terms_todo AS
     SELECT t.ticket_id, t.row_hash FROM tickets t ANTI JOIN ticket_terms_state s USING (ticket_id)`,
  );
  let done = 0;
  for (;;) {
    const batch = await queryRows<{ ticket_id: string; title: string | null; content: string | null }>(
      connection,
      `SELECT t.ticket_id, t.title, t.content FROM atlas_terms_todo d JOIN tickets t USING (ticket_id)
       ORDER BY t.ticket_id LIMIT ${BATCH} OFFSET ${done}`,
    );
    if (batch.length === 0) break;
    const appender = await connection.createAppender('ticket_terms');
    for (const t of batch) {
      for (const term of problemTerms(`${t.title ?? ''}。${t.content ?? ''}`, places)) {
        appender.appendVarchar(t.ticket_id);
        appender.appendVarchar(term);
        appender.endRow();
      }
    }
    appender.closeSync();
    done += batch.length;
    if (batch.length < BATCH) break;
  }
  await execute(
    connection,
    'INSERT INTO ticket_terms_state SELECT ticket_id, row_hash FROM atlas_terms_todo',
  );
  await execute(connection, "INSERT OR REPLACE INTO meta VALUES ('terms_version', $1)", [version]);
  await execute(connection, 'DROP TABLE atlas_stale_terms');
  await execute(connection, 'DROP TABLE atlas_terms_todo');
  return done;
}

export const termsStep: AnalyticsStep = {
  name: 'terms',
  description: 'problem words of every ticket, for hot words (docs/text.md)',
  phase: 'derived',
  async run(connection, context) {
    const segmented = await buildTicketTerms(connection);
    context.onProgress?.(`terms: ${segmented} new or changed tickets segmented`);
  },
};
