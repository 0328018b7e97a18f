/**
 * Acceptance of the text classifier on real citizen messages nobody here wrote (../shared/real-data/teddy2020c,
 * not part of the repository or `npm test`): 5-fold cross-validated macro-F1 over the 7 first-level classes of
 * labelled-495, target ≥ 0.80. The platform's own taxonomy (taxonomy-517: second- and third-level names per
 * first-level class) trains in every fold as seed documents, as lib/taxonomy does for a deployment; the figures
 * without it are printed too. Prints figures and category names only, never message text.
 * Usage: npm run acceptance:classifier [-- <real-data dir>]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { formatTable } from '../etl/cli/table';
import { crossValidate } from '../lib/analytics/text/evaluation';
import { segment } from '../lib/analytics/text/segment';
import { predictor, trainAndEvaluate, trainTextClassifier } from '../lib/analytics/text/text-classifier';
import { queryRows } from '../lib/db/connection';
import { sqlString } from '../lib/sql/quote';

const TARGET = 0.8;
const root = path.resolve(process.argv[2] ?? '../shared/real-data');
const messages = path.join(root, 'teddy2020c/labelled-495.csv');
const taxonomy = path.join(root, 'teddy2020c/taxonomy-517.csv');
if (!existsSync(messages) || !existsSync(taxonomy)) {
  console.error(`${messages} or ${taxonomy}: not found (this script needs the shared real-data folder)`);
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const rows = await queryRows<{ title: string; content: string; label: string }>(
  connection,
  `SELECT 留言主题 AS title, 留言详情 AS content, 一级分类 AS label
   FROM read_csv(${sqlString(messages)}, all_varchar = true)`,
);
const taxonomyRows = await queryRows<{ l1: string; l2: string; l3: string }>(
  connection,
  `SELECT 一级分类 AS l1, 二级分类 AS l2, 三级分类 AS l3 FROM read_csv(${sqlString(taxonomy)}, all_varchar = true)`,
);
connection.closeSync();

const started = Date.now();
// As the ETL reads a ticket (category-model.ts ticketText): the title twice, then the message.
const documents = rows.map((r) => segment(`${r.title} ${r.title} ${r.content}`));
const labels = rows.map((r) => r.label);
const seeds = taxonomyRows.map((t) => ({ words: segment(`${t.l2} ${t.l3}`), label: t.l1 }));
const withSeeds = trainAndEvaluate(documents, labels, { folds: 5, seeds });
const withoutSeeds = trainAndEvaluate(documents, labels, { folds: 5 });
const seconds = (Date.now() - started) / 1000;

const evaluation = withSeeds.evaluation;
console.log(`teddy2020c labelled-495: ${rows.length} messages, ${new Set(labels).size} classes, 5-fold CV`);
console.log(
  formatTable(
    ['class', 'messages', 'precision', 'recall', 'F1'],
    evaluation.perClass.map((c) => [
      c.label,
      c.support,
      c.precision.toFixed(3),
      c.recall.toFixed(3),
      c.f1.toFixed(3),
    ]),
  ),
);
console.log(
  `macro-F1 ${evaluation.macroF1.toFixed(3)} (target ≥ ${TARGET}), accuracy ${evaluation.accuracy.toFixed(3)}; ` +
    `without the taxonomy seeds: macro-F1 ${withoutSeeds.evaluation.macroF1.toFixed(3)}; both in ${seconds.toFixed(1)} s`,
);

// Calibration: held-out predictions binned by confidence, each bin's share right (the 0.6 threshold's meaning).
const bins = [0.2, 0.4, 0.6, 0.8, 1.0].map((upper) => ({ upper, n: 0, right: 0 }));
crossValidate(labels, 5, (train) => {
  const classify = predictor(
    trainTextClassifier(
      train.map((i) => documents[i] as string[]),
      train.map((i) => labels[i] as string),
      { seeds, temperature: withSeeds.classifier.temperature },
    ),
  );
  return (test) =>
    test.map((i) => {
      const p = classify(documents[i] as string[]);
      const bin =
        bins.find((b) => p.confidence <= b.upper) ?? (bins[bins.length - 1] as (typeof bins)[number]);
      bin.n++;
      if (p.label === labels[i]) bin.right++;
      return p.label;
    });
});
console.log(
  formatTable(
    ['confidence up to', 'messages', 'share right'],
    bins.map((b) => [b.upper.toFixed(1), b.n, b.n ? (b.right / b.n).toFixed(2) : '']),
  ),
);
const atThreshold = bins.filter((b) => b.upper > 0.6);
const kept = atThreshold.reduce((s, b) => s + b.n, 0);
console.log(
  `at confidence ≥ 0.6: ${kept} of ${rows.length} messages classified (${((100 * kept) / rows.length).toFixed(0)} %), ` +
    `${((100 * atThreshold.reduce((s, b) => s + b.right, 0)) / Math.max(1, kept)).toFixed(1)} % of them right; the rest stay 未分类`,
);
process.exit(evaluation.macroF1 >= TARGET ? 0 : 1);
