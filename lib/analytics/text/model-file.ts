import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORY_MODEL_FORMAT, CATEGORY_MODEL_VERSION, type CategoryModelFile } from './category-model';

/**
 * Reads a category model file. Returns null when there is none, and also when it is of another format or version
 * (written by an older release): the caller then trains a new one, rather than reading features it cannot match.
 */
export function readCategoryModel(file: string): { model: CategoryModelFile | null; reason?: string } {
  if (!existsSync(file)) return { model: null, reason: `no model at ${file}` };
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CategoryModelFile>;
  if (parsed.format !== CATEGORY_MODEL_FORMAT || parsed.version !== CATEGORY_MODEL_VERSION) {
    return {
      model: null,
      reason: `${file} is ${parsed.format ?? 'not a model'} version ${parsed.version ?? '?'}, expected version ${CATEGORY_MODEL_VERSION}`,
    };
  }
  return { model: parsed as CategoryModelFile };
}

/** Writes the model atomically (temp file, then rename), so a crash never leaves half a model for the next load. */
export function writeCategoryModel(file: string, model: CategoryModelFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(model));
  renameSync(temp, file);
}

/** One line per level: macro-F1, accuracy, classes and examples; for the CLI and the ETL log. */
export function describeCategoryModel(model: CategoryModelFile): string {
  const level = (name: string, l: CategoryModelFile['level1'] | null) =>
    l
      ? `${name}: ${l.evaluation.folds}-fold macro-F1 ${l.evaluation.macroF1.toFixed(3)}, accuracy ${l.evaluation.accuracy.toFixed(3)}, ${l.classes.length} classes (evaluated on ${l.evaluation.examples} tickets)`
      : `${name}: not trained (too few tickets with a second-level category)`;
  return [
    `category model v${model.version} trained ${model.trainedAt} on ${model.trainingSize} tickets`,
    level('first level', model.level1),
    level('second level', model.level2),
  ].join('\n');
}

/** Where a deployment's category model lives: the setting, else `models/category-classifier.json` beside the database. */
export function categoryModelPath(config: { databasePath: string; classifierModelPath?: string }): string {
  return (
    config.classifierModelPath ??
    path.join(path.dirname(config.databasePath), 'models', 'category-classifier.json')
  );
}
