import type { DuckDBConnection } from '@duckdb/node-api';
import { DISPATCH_EXAMPLES_SQL } from '../../lib/analytics/handling/dispatch-examples-sql';
import {
  countDispatch,
  type DispatchCounts,
  type DispatchExample,
  DispatchModel,
  dispatchAccuracy,
} from '../../lib/analytics/handling/dispatch-model';
import { HANDLING_PARAMETERS as P } from '../../lib/analytics/handling/parameters';
import { BOUNCES_SQL, PATHS_SQL } from '../../lib/analytics/handling/paths-sql';
import { CLOSURES_SQL } from '../../lib/analytics/handling/reopen-sql';
import { segment } from '../../lib/analytics/text/segment';
import { execute, queryRows } from '../../lib/db/connection';
import type { AnalyticsStep } from './steps';

/**
 * Handling quality (docs/handling.md): each ticket's dispatch path and the pairs of units it bounced between
 * (handling_paths, handling_bounces), every closure with the first later appeal on the same problem by the same
 * caller or at the same place (handling_closures), and the dispatch suggestion's counts with its time-based
 * backtest (dispatch_contexts, dispatch_terms, dispatch_co_handling, dispatch_backtest), and the recent
 * tickets shown beside a suggestion (dispatch_examples).
 */
export const handlingStep: AnalyticsStep = {
  name: 'handling',
  description:
    'dispatch paths, bounce pairs, reopened-after-closure flags and the dispatch suggestion (handling_*, dispatch_*)',
  phase: 'derived',
  run: async (connection, context) => {
    await inTransaction(connection, async () => {
      await execute(connection, PATHS_SQL(P.fastClosureMinutes));
      await execute(connection, BOUNCES_SQL);
      await execute(connection, CLOSURES_SQL(P.reopenSearchDays));
      await execute(connection, DISPATCH_EXAMPLES_SQL);
    });
    const { counts, backtest } = await trainDispatch(connection);
    context.onProgress?.(
      `handling: dispatch top-1 ${backtest.top1.toFixed(3)}, top-3 ${backtest.top3.toFixed(3)} on ${backtest.tickets} later tickets`,
    );
    await inTransaction(connection, () => writeDispatch(connection, counts, backtest));
  },
};

async function inTransaction(connection: DuckDBConnection, work: () => Promise<void>): Promise<void> {
  await execute(connection, 'BEGIN TRANSACTION');
  try {
    await work();
    await execute(connection, 'COMMIT');
  } catch (error) {
    await execute(connection, 'ROLLBACK');
    throw error;
  }
}

interface DispatchRow {
  text: string;
  category_l2: string | null;
  county_code: string | null;
  town_code: string | null;
  department: string;
  co_departments: string[] | null;
  trainable: boolean;
  received: number;
}

/** What the backtest measured: the split, the number of later tickets and the two accuracies. */
export interface DispatchBacktest {
  trainedBefore: Date;
  testFrom: Date;
  testTo: Date;
  tickets: number;
  top1: number;
  top3: number;
}

/** Words the segmenter finds in at least this many sampled training appeals enter the vocabulary. */
const MIN_DOCUMENT_FREQUENCY = 3;
/** At most this many training appeals are segmented to find the vocabulary. */
const VOCABULARY_SAMPLE = 200_000;
/**
 * The model learns from the most recent this many appeals whose first dispatch was right: enough to see every
 * unit's usual work many times over, and it keeps the step's time and memory flat on a 10-million-ticket warehouse
 * (units' duties drift, so recent appeals are also the better teachers).
 */
const MAX_TRAINING_APPEALS = 300_000;
/** The backtest scores at most this many later tickets, an even sample by ticket id (enough for ±0.5%). */
const MAX_BACKTEST_TICKETS = 20_000;

const ROW_COLUMNS = `concat_ws(' ', title, content) AS text, category_l2, county_code, town_code, department,
  co_departments, status = 'closed' AND returned IS DISTINCT FROM true AS trainable, epoch(received_at) AS received`;

/** Tickets with a unit, `where` them, as the model reads them; `limit` keeps the first by `order`. */
function dispatchRows(
  connection: DuckDBConnection,
  where: string,
  order: string,
  limit: number,
  params = {},
) {
  return queryRows<DispatchRow>(
    connection,
    `SELECT ${ROW_COLUMNS} FROM tickets
     WHERE department IS NOT NULL AND received_at IS NOT NULL AND ${where}
     ORDER BY ${order} LIMIT ${Math.floor(limit)}`,
    params,
  );
}

const TRAINABLE = "status = 'closed' AND returned IS DISTINCT FROM true";

/**
 * Trains on the appeals received before the last quarter of the data span and tests on that quarter (later tickets
 * with a lead unit, against the unit that finally handled it), then trains the stored model on the most recent
 * appeals up to the end. Training appeals are closed and never returned: their first dispatch was right.
 */
async function trainDispatch(
  connection: DuckDBConnection,
): Promise<{ counts: DispatchCounts; backtest: DispatchBacktest }> {
  const [span] = await queryRows<{ first: number | null; last: number | null }>(
    connection,
    'SELECT epoch(min(received_at)) AS first, epoch(max(received_at)) AS last FROM tickets WHERE department IS NOT NULL',
  );
  const first = span?.first ?? 0;
  const last = span?.last ?? 0;
  const split = last - (last - first) * P.backtestShare;
  const splitParam = { split };
  const [trainBeforeRows, laterRows, trainAllRows] = [
    await dispatchRows(
      connection,
      `${TRAINABLE} AND epoch(received_at) < $split`,
      'received_at DESC, ticket_id',
      MAX_TRAINING_APPEALS,
      splitParam,
    ),
    await dispatchRows(
      connection,
      'epoch(received_at) >= $split',
      'hash(ticket_id), ticket_id',
      MAX_BACKTEST_TICKETS,
      splitParam,
    ),
    await dispatchRows(connection, TRAINABLE, 'received_at DESC, ticket_id', MAX_TRAINING_APPEALS),
  ];
  const vocabularyOf = (rows: readonly DispatchRow[]) => {
    const df = new Map<string, number>();
    // Segmenting is most of the step's time; an evenly spaced sample finds the same vocabulary.
    const stride = Math.max(1, Math.ceil(rows.length / VOCABULARY_SAMPLE));
    for (let i = 0; i < rows.length; i += stride) {
      for (const word of new Set(segment(rows[i]!.text)))
        if (word.length >= 2) df.set(word, (df.get(word) ?? 0) + 1);
    }
    return new Set([...df].filter(([, n]) => n >= MIN_DOCUMENT_FREQUENCY).map(([w]) => w));
  };
  const example = (row: DispatchRow): DispatchExample => ({
    text: row.text,
    category: row.category_l2,
    county: row.county_code,
    town: row.town_code,
    unit: row.department,
    coUnits: row.co_departments ?? [],
  });
  const model = new DispatchModel(countDispatch(trainBeforeRows.map(example), vocabularyOf(trainBeforeRows)));
  const accuracy = dispatchAccuracy(model, laterRows.map(example));
  return {
    counts: countDispatch(trainAllRows.map(example), vocabularyOf(trainAllRows)),
    backtest: {
      trainedBefore: new Date(split * 1000),
      testFrom: new Date(split * 1000),
      testTo: new Date(last * 1000),
      ...accuracy,
    },
  };
}

const DISPATCH_DDL = `
  CREATE OR REPLACE TABLE dispatch_contexts (key VARCHAR NOT NULL, unit VARCHAR NOT NULL, tickets INTEGER NOT NULL);
  CREATE OR REPLACE TABLE dispatch_terms (term VARCHAR NOT NULL, unit VARCHAR NOT NULL, count INTEGER NOT NULL);
  CREATE OR REPLACE TABLE dispatch_co_handling (key VARCHAR NOT NULL, unit VARCHAR NOT NULL, tickets INTEGER NOT NULL);
  CREATE OR REPLACE TABLE dispatch_backtest (
    trained_before TIMESTAMP, test_from TIMESTAMP, test_to TIMESTAMP, tickets INTEGER, top1 DOUBLE, top3 DOUBLE)`;

async function writeDispatch(
  connection: DuckDBConnection,
  counts: DispatchCounts,
  backtest: DispatchBacktest,
): Promise<void> {
  await execute(connection, DISPATCH_DDL);
  const append = async (table: string, rows: [string, string, number][]) => {
    const appender = await connection.createAppender(table);
    for (const [a, b, n] of rows) {
      appender.appendVarchar(a);
      appender.appendVarchar(b);
      appender.appendInteger(n);
      appender.endRow();
    }
    appender.closeSync();
  };
  await append(
    'dispatch_contexts',
    counts.contexts.map((c) => [c.key, c.unit, c.tickets]),
  );
  await append(
    'dispatch_terms',
    counts.terms.map((t) => [t.term, t.unit, t.count]),
  );
  await append(
    'dispatch_co_handling',
    counts.coHandling.map((c) => [c.key, c.unit, c.tickets]),
  );
  // Microseconds since the epoch of the wall-clock times read back, so no time-zone conversion touches them.
  await execute(
    connection,
    `INSERT INTO dispatch_backtest VALUES (make_timestamp($from::BIGINT), make_timestamp($from::BIGINT),
       make_timestamp($to::BIGINT), $tickets, $top1, $top3)`,
    {
      from: Math.round(backtest.testFrom.getTime() * 1000),
      to: Math.round(backtest.testTo.getTime() * 1000),
      tickets: backtest.tickets,
      top1: backtest.top1,
      top3: backtest.top3,
    },
  );
}
