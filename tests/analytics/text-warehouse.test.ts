import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { categorisedTickets } from '../../etl/analytics/classify';
import { sampleExports } from '../../etl/cli/commands/demo';
import { trainClassifierCommand } from '../../etl/cli/commands/train-classifier';
import { categoryClassifier, trainCategoryModel } from '../../lib/analytics/text/category-model';
import { categoryModelPath, readCategoryModel } from '../../lib/analytics/text/model-file';
import type { DeploymentConfig } from '../../lib/config';
import { openWarehouse, queryRows } from '../../lib/db/connection';
import { sqlString } from '../../lib/sql/quote';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

// The committed sample city loaded twice: with the classify step, and without any analytics (the reference for
// what the sources said).
let classified: { config: DeploymentConfig; cleanup: () => void };
const plain = makeTempDir('text-plain');
const plainConfig = testConfig(plain.dir);

beforeAll(async () => {
  classified = await buildSampleWarehouse('text-classify', { analytics: ['classify'] });
  await load(sampleExports(), plainConfig);
});
afterAll(() => {
  classified?.cleanup();
  plain.cleanup();
});

describe('classify step on the sample city', () => {
  it('writes a model file beside the database with its evaluation', () => {
    const file = categoryModelPath(classified.config);
    expect(file).toBe(
      path.join(path.dirname(classified.config.databasePath), 'models', 'category-classifier.json'),
    );
    expect(existsSync(file)).toBe(true);
    const { model } = readCategoryModel(file);
    expect(model?.level1.classes).toHaveLength(12);
    expect(model?.level1.evaluation.folds).toBe(5);
    expect(model?.level1.evaluation.perClass).toHaveLength(12);
    expect(model?.level2?.classes.length).toBeGreaterThan(50);
  });

  it('predicts a category for the web messages that came without one', async () => {
    const [before] = await query<{ blank: number }>(
      plainConfig,
      "SELECT count(*)::INTEGER AS blank FROM tickets WHERE channel = '网络问政' AND category_code IS NULL",
    );
    const after = await query<{ origin: string | null; n: number; withConfidence: number }>(
      classified.config,
      `SELECT category_origin AS origin, count(*)::INTEGER AS n, count(category_confidence)::INTEGER AS "withConfidence"
       FROM tickets WHERE channel = '网络问政' AND category_raw IS NULL GROUP BY 1`,
    );
    // About 15 % of ~5,000 messages are blank in the sample.
    expect(before?.blank).toBeGreaterThan(400);
    const total = after.reduce((s, r) => s + r.n, 0);
    expect(total).toBe(before?.blank);
    const predicted = after.find((r) => r.origin === 'predicted');
    expect(predicted?.n ?? 0).toBeGreaterThanOrEqual(0.9 * total);
    expect(after.every((r) => r.origin === 'predicted' || r.origin === 'unclassified')).toBe(true);
    expect(after.every((r) => r.withConfidence === r.n)).toBe(true);
  });

  it('leaves every category the source gave exactly as loaded', async () => {
    const warehouse = await openWarehouse(classified.config.databasePath, {
      readOnly: true,
      timeZone: 'Asia/Shanghai',
    });
    try {
      await queryRows(
        warehouse.connection,
        `ATTACH ${sqlString(plainConfig.databasePath)} AS plain (READ_ONLY)`,
      );
      const [diff] = await queryRows<{ sourced: number; changed: number }>(
        warehouse.connection,
        `SELECT count(*)::INTEGER AS sourced,
           count(*) FILTER (WHERE t.category_code IS DISTINCT FROM p.category_code
             OR t.category_l1 IS DISTINCT FROM p.category_l1 OR t.category_l2 IS DISTINCT FROM p.category_l2
             OR t.category_origin IS DISTINCT FROM p.category_origin)::INTEGER AS changed
         FROM plain.tickets p JOIN tickets t USING (ticket_id)
         WHERE p.category_code IS NOT NULL`,
      );
      expect(diff?.sourced).toBeGreaterThan(15_000);
      expect(diff?.changed).toBe(0);
    } finally {
      warehouse.close();
    }
  });

  it('counts predicted categories in the rollups', async () => {
    const [row] = await query<{ tickets: number; categorised: number }>(
      classified.config,
      `SELECT (SELECT count(*) FROM tickets WHERE category_l1 IS NOT NULL)::INTEGER AS tickets,
         (SELECT sum(tickets) FROM daily_counts WHERE category_l1 IS NOT NULL)::INTEGER AS categorised`,
    );
    expect(row?.categorised).toBe(row?.tickets);
  });

  it('gets at least 90 % of held-out tickets right at the first level', async () => {
    const warehouse = await openWarehouse(plainConfig.databasePath, {
      readOnly: true,
      timeZone: 'Asia/Shanghai',
    });
    const examples = await categorisedTickets(warehouse.connection);
    warehouse.close();
    // categorisedTickets returns them in hash order, so every fifth is an unbiased held-out fifth.
    const train = examples.filter((_, i) => i % 5 !== 0);
    const test = examples.filter((_, i) => i % 5 === 0);
    const classify = categoryClassifier(trainCategoryModel(train, { folds: 2 }));
    // A ticket left 未分类 counts as wrong.
    const right = test.filter((e) => {
      const p = classify(e.text);
      return p.kind === 'predicted' && p.level1 === e.level1;
    }).length;
    expect(test.length).toBeGreaterThan(3000);
    expect(right / test.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('npm run etl -- train-classifier', () => {
  it('retrains from a warehouse and writes the model beside it with its evaluation', async () => {
    const printed: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    let code: number;
    try {
      code = await trainClassifierCommand(['--db', plainConfig.databasePath]);
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(0);
    const file = path.join(plain.dir, 'models', 'category-classifier.json');
    const { model } = readCategoryModel(file);
    expect(model?.trainingSize).toBeGreaterThan(15_000);
    expect(model?.level1.evaluation.perClass.map((c) => c.label)).toHaveLength(12);
    const output = printed.join('');
    expect(output).toContain(`first level: 5-fold macro-F1 ${model?.level1.evaluation.macroF1.toFixed(3)}`);
    expect(output).toContain('道路积水内涝');
    expect(output).toContain(file);
  });
});
