import path from 'node:path';
import type { StoredLevel } from '../../../lib/analytics/text/category-model';
import {
  categoryModelPath,
  describeCategoryModel,
  writeCategoryModel,
} from '../../../lib/analytics/text/model-file';
import { loadConfig } from '../../../lib/config';
import { categoryByCode } from '../../../lib/taxonomy';
import { trainFromWarehouse } from '../../analytics/classify';
import { parseCommandArgs } from '../args';
import { formatTable } from '../table';
import { openPublished } from './open-published';

/** Per-class precision and recall of one level, worst F1 first: the categories to look at. */
function classTable(level: StoredLevel): string {
  const rows = [...level.evaluation.perClass]
    .sort((a, b) => a.f1 - b.f1)
    .map((c) => [
      c.label,
      categoryByCode(c.label)?.zh ?? '',
      c.support,
      c.precision.toFixed(3),
      c.recall.toFixed(3),
      c.f1.toFixed(3),
    ]);
  return formatTable(['code', 'category', 'tickets', 'precision', 'recall', 'F1'], rows);
}

/**
 * Retrains the category classifier from the published warehouse's categorised tickets and writes the model file
 * with its evaluation (docs/text.md). The tickets keep their earlier predictions until the next load or
 * `analyse --only classify`, which applies the new model.
 */
export async function trainClassifierCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' }, model: { type: 'string' } });
  const config = loadConfig();
  const databasePath = path.resolve(values.db ?? config.databasePath);
  // With --db the model goes beside that database, as the classify step of a load into it would look for it.
  const file = path.resolve(values.model ?? categoryModelPath(values.db ? { databasePath } : config));
  const warehouse = await openPublished(databasePath);
  let trained: Awaited<ReturnType<typeof trainFromWarehouse>>;
  try {
    const started = Date.now();
    trained = await trainFromWarehouse(warehouse.connection);
    process.stdout.write(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    warehouse.close();
  }
  if (!trained.model) {
    process.stderr.write(`not trained: ${trained.reason}\n`);
    return 1;
  }
  writeCategoryModel(file, trained.model);
  process.stdout.write(
    `${describeCategoryModel(trained.model)}\n\nfirst level\n${classTable(trained.model.level1)}\n`,
  );
  if (trained.model.level2) process.stdout.write(`\nsecond level\n${classTable(trained.model.level2)}\n`);
  process.stdout.write(
    `\nmodel written to ${file}\napply it to the tickets: npm run etl -- analyse --only classify${values.db ? ` --db ${values.db}` : ''}\n`,
  );
  return 0;
}
