import type { DuckDBConnection } from '@duckdb/node-api';
import {
  type CategoryModelFile,
  type CategoryPrediction,
  categoryClassifier,
  type LabelledText,
  ticketText,
  trainCategoryModel,
} from '../../lib/analytics/text/category-model';
import {
  categoryModelPath,
  describeCategoryModel,
  readCategoryModel,
  writeCategoryModel,
} from '../../lib/analytics/text/model-file';
import { execute, queryRows } from '../../lib/db/connection';
import { noteReplacedTickets } from '../load/rollups-changed';
import type { AnalyticsContext, AnalyticsStep } from './steps';

/** Fewer categorised tickets than this and the step does not train: a model from a handful of examples misleads. */
export const MIN_TRAINING_TICKETS = 300;
/** Training beyond this many tickets buys little accuracy and costs minutes; a fixed hash sample keeps it stable. */
export const MAX_TRAINING_TICKETS = 60_000;
const CLASSIFY_BATCH = 20_000;

/** Tickets whose category the source gave (directly or through the layout's category map): the training data. */
export async function categorisedTickets(connection: DuckDBConnection): Promise<LabelledText[]> {
  const rows = await queryRows<{
    title: string | null;
    content: string | null;
    l1: string;
    l2: string | null;
  }>(
    connection,
    `SELECT title, content, category_l1 AS l1, category_l2 AS l2
     FROM tickets
     WHERE category_origin IN ('source', 'mapped') AND category_l1 IS NOT NULL
       AND coalesce(title, content) IS NOT NULL
     ORDER BY hash(ticket_id)
     LIMIT ${MAX_TRAINING_TICKETS}`,
  );
  return rows.map((r) => ({ text: ticketText(r.title, r.content), level1: r.l1, level2: r.l2 }));
}

/** Trains from the warehouse, or says why not (too few categorised tickets, one category only). */
export async function trainFromWarehouse(
  connection: DuckDBConnection,
): Promise<{ model: CategoryModelFile | null; reason?: string }> {
  const examples = await categorisedTickets(connection);
  const classes = new Set(examples.map((e) => e.level1)).size;
  if (examples.length < MIN_TRAINING_TICKETS || classes < 2) {
    return {
      model: null,
      reason: `${examples.length} categorised tickets in ${classes} first-level categories; training needs ${MIN_TRAINING_TICKETS} in at least 2`,
    };
  }
  return { model: trainCategoryModel(examples) };
}

/** The model to use: the deployment's file, else one trained now from the warehouse and written there. */
async function modelFor(
  connection: DuckDBConnection,
  context: AnalyticsContext,
): Promise<CategoryModelFile | null> {
  const file = categoryModelPath(context.config);
  const stored = readCategoryModel(file);
  if (stored.model) return stored.model;
  context.onProgress?.(`classify: ${stored.reason}; training from the warehouse`);
  const trained = await trainFromWarehouse(connection);
  if (!trained.model) {
    context.onProgress?.(`classify: skipped, ${trained.reason}`);
    return null;
  }
  writeCategoryModel(file, trained.model);
  context.onProgress?.(`classify: model written to ${file}\n${describeCategoryModel(trained.model)}`);
  return trained.model;
}

/**
 * Predicts a category for the tickets the source left uncategorised. Only rows with no category, or with one this
 * step wrote ('predicted' / 'unclassified'), are ever touched, so a source category is never overwritten. With
 * `redo` (a new model) every earlier prediction is redone; without it only tickets never tried are classified, so a
 * routine load does not re-read millions of old appeals. Returns the tickets classified.
 */
export async function classifyTickets(
  connection: DuckDBConnection,
  model: CategoryModelFile,
  options: { redo: boolean } = { redo: true },
): Promise<number> {
  const selection = options.redo
    ? "category_code IS NULL OR category_origin IN ('predicted', 'unclassified')"
    : 'category_code IS NULL AND category_origin IS NULL';
  const classify = categoryClassifier(model);
  await execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE atlas_predicted (
       ticket_id VARCHAR, code VARCHAR, l1 VARCHAR, l2 VARCHAR, origin VARCHAR, confidence DOUBLE)`,
  );
  // In batches, so a warehouse with millions of uncategorised tickets never holds all their text at once; the
  // selection does not move under the paging because tickets are only updated after the last batch.
  let done = 0;
  for (;;) {
    const batch = await queryRows<{ ticket_id: string; title: string | null; content: string | null }>(
      connection,
      `SELECT ticket_id, title, content FROM tickets WHERE ${selection}
       ORDER BY ticket_id LIMIT ${CLASSIFY_BATCH} OFFSET ${done}`,
    );
    if (batch.length === 0) break;
    const appender = await connection.createAppender('atlas_predicted', 'main', 'temp');
    for (const t of batch) {
      const p: CategoryPrediction = classify(ticketText(t.title, t.content));
      appender.appendVarchar(t.ticket_id);
      if (p.kind === 'predicted') {
        appender.appendVarchar(p.code);
        appender.appendVarchar(p.level1);
        if (p.level2) appender.appendVarchar(p.level2);
        else appender.appendNull();
        appender.appendVarchar('predicted');
      } else {
        appender.appendNull();
        appender.appendNull();
        appender.appendNull();
        appender.appendVarchar('unclassified');
      }
      appender.appendDouble(Math.round(p.confidence * 1e4) / 1e4);
      appender.endRow();
    }
    appender.closeSync();
    done += batch.length;
    if (batch.length < CLASSIFY_BATCH) break;
  }
  await noteReplacedTickets(
    connection,
    `ticket_id IN (SELECT ticket_id FROM atlas_predicted)
     AND (category_code IS NULL OR category_origin IN ('predicted', 'unclassified'))`,
  );
  await execute(
    connection,
    `UPDATE tickets SET category_code = p.code, category_l1 = p.l1, category_l2 = p.l2,
       category_origin = p.origin, category_confidence = p.confidence
     FROM atlas_predicted p
     WHERE tickets.ticket_id = p.ticket_id
       AND (tickets.category_code IS NULL OR tickets.category_origin IN ('predicted', 'unclassified'))`,
  );
  await execute(connection, 'DROP TABLE atlas_predicted');
  return done;
}

export const classifyStep: AnalyticsStep = {
  name: 'classify',
  description: 'predict categories of uncategorised tickets from their text (docs/text.md)',
  phase: 'tickets',
  async run(connection, context) {
    const model = await modelFor(connection, context);
    if (!model) return;
    // Which model classified the warehouse last: a different one (retrained, replaced) redoes every prediction.
    const key = `${model.version}:${model.trainedAt}`;
    const [last] = await queryRows<{ value: string }>(
      connection,
      "SELECT value FROM meta WHERE key = 'classify_model'",
    );
    const n = await classifyTickets(connection, model, { redo: last?.value !== key });
    await execute(connection, "INSERT OR REPLACE INTO meta VALUES ('classify_model', $1)", [key]);
    context.onProgress?.(`classify: ${n} tickets classified`);
  },
};
