import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitTemperature, softmaxWithTemperature } from '../../lib/analytics/text/calibration';
import {
  categoryClassifier,
  type LabelledText,
  trainCategoryModel,
} from '../../lib/analytics/text/category-model';
import { scorePredictions, stratifiedFolds } from '../../lib/analytics/text/evaluation';
import { readCategoryModel, writeCategoryModel } from '../../lib/analytics/text/model-file';
import { problemTerms, segment } from '../../lib/analytics/text/segment';
import { predictor, trainAndEvaluate } from '../../lib/analytics/text/text-classifier';
import { makeTempDir } from '../support/temp-dir';

describe('segmentation', () => {
  it('keeps the domain words whole that the general dictionary splits', () => {
    expect(segment('每次下雨小区门口就积水，车都开不过去')).toContain('积水');
    const stalls = segment('菜市场外流动摊贩占道经营，行人只能走机动车道');
    expect(stalls).toContain('占道经营');
    expect(stalls).not.toContain('占');
    expect(segment('工地老板欠薪三个月，农民工讨不到工资')).toContain('欠薪');
    expect(segment('楼下烧烤店噪音扰民到凌晨')).toContain('噪音扰民');
  });

  it('drops stop words, numbers, punctuation and masked personal data', () => {
    const words = segment('您好！我的电话138****5678，希望相关部门尽快处理，已经3天了。');
    expect(words).not.toContain('您好');
    expect(words).not.toContain('希望');
    expect(words.some((w) => w.includes('*') || /^\d+$/.test(w) || /^[，。！]$/.test(w))).toBe(false);
  });

  it('leaves place names and address parts out of problem terms', () => {
    const terms = problemTerms(
      '翠屏区合江门街道人民路12号江北小区门口每天傍晚流动摊贩占道经营，噪音扰民',
      new Set(['翠屏区']),
    );
    expect(terms).toContain('占道经营');
    expect(terms).toContain('噪音扰民');
    for (const place of ['翠屏区', '人民路', '江北小区', '小区', '门口']) expect(terms).not.toContain(place);
  });
});

describe('evaluation', () => {
  it('computes macro-F1 and per-class figures by hand-checkable counts', () => {
    // a: 2 right, 1 predicted b; b: 1 right, 1 predicted a. a: P 2/3 R 2/3; b: P 1/2 R 1/2.
    const e = scorePredictions(['a', 'a', 'a', 'b', 'b'], ['a', 'a', 'b', 'b', 'a']);
    expect(e.accuracy).toBeCloseTo(3 / 5);
    const a = e.perClass.find((c) => c.label === 'a');
    expect(a?.precision).toBeCloseTo(2 / 3);
    expect(a?.recall).toBeCloseTo(2 / 3);
    expect(e.macroF1).toBeCloseTo((2 / 3 + 1 / 2) / 2);
  });

  it('deals every class evenly over the folds', () => {
    const labels = [...Array(50).fill('big'), ...Array(10).fill('small')] as string[];
    const folds = stratifiedFolds(labels, 5);
    for (let f = 0; f < 5; f++) {
      expect(labels.filter((l, i) => l === 'big' && folds[i] === f)).toHaveLength(10);
      expect(labels.filter((l, i) => l === 'small' && folds[i] === f)).toHaveLength(2);
    }
  });

  it('fits a small temperature for scores that are always right and a large one for noise', () => {
    const sure = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? [1, 0] : [0, 1]));
    const truth = sure.map((_, i) => i % 2);
    expect(fitTemperature(sure, truth)).toBeLessThan(0.2);
    const noise = truth.map((t, i) =>
      i % 4 < 2 ? [t === 0 ? 1 : 0, t === 1 ? 1 : 0] : [t === 0 ? 0 : 1, t === 1 ? 0 : 1],
    );
    expect(fitTemperature(noise, truth)).toBeGreaterThan(10);
    expect(softmaxWithTemperature([2, 0], 1)[0]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 1));
  });
});

// Constructed appeals: three problems with their own words over shared frames, and noise words in every class.
const FRAMES = ['您好，我要反映{p}，请尽快处理', '{p}已经很久了，希望有关部门管一管', '市民来电称{p}'];
const PROBLEMS: Record<string, { l2: string; texts: string[] }> = {
  '01': {
    l2: '0104',
    texts: ['下雨后路面积水严重', '暴雨积水倒灌进门市', '下水道堵塞积水排不出去', '路口内涝车辆熄火'],
  },
  '07': {
    l2: '0701',
    texts: ['工地老板欠薪不给', '公司拖欠工资三个月', '农民工讨薪无门', '包工头欠薪跑路了'],
  },
  '02': {
    l2: '0202',
    texts: ['楼下广场舞噪音扰民', '酒吧深夜噪音扰民', '邻居装修噪音太大', 'KTV噪声扰民睡不着'],
  },
};

function constructed(): LabelledText[] {
  const out: LabelledText[] = [];
  for (const [l1, { l2, texts }] of Object.entries(PROBLEMS)) {
    for (const frame of FRAMES)
      for (const t of texts) out.push({ text: frame.replace('{p}', t), level1: l1, level2: l2 });
  }
  return out;
}

describe('classifier on constructed appeals', () => {
  it('separates the problems in cross-validation and on new wording', () => {
    const examples = constructed();
    const { classifier, evaluation } = trainAndEvaluate(
      examples.map((e) => segment(e.text)),
      examples.map((e) => e.level1),
      { folds: 4 },
    );
    expect(evaluation.macroF1).toBeGreaterThanOrEqual(0.9);
    const classify = predictor(classifier);
    expect(classify(segment('小区外面一下雨就积水')).label).toBe('01');
    expect(classify(segment('老板欠薪半年了')).label).toBe('07');
    expect(classify(segment('晚上噪音扰民')).label).toBe('02');
  });
});

describe('the low-confidence rule', () => {
  const model = trainCategoryModel(
    // Enough examples for the second level's minimum (10 per class).
    [...constructed(), ...constructed()],
    { folds: 3, trainedAt: new Date('2026-01-01T00:00:00Z') },
  );

  it('predicts both levels for a clear appeal', () => {
    const p = categoryClassifier(model)('您好，路口下雨积水很深');
    expect(p).toMatchObject({ kind: 'predicted', level1: '01', level2: '0104', code: '0104' });
    if (p.kind === 'predicted') expect(p.confidence).toBeGreaterThanOrEqual(model.thresholds.level2);
  });

  it('leaves text with no known word 未分类, with its confidence recorded', () => {
    const p = categoryClassifier(model)('今天天气晴朗');
    expect(p.kind).toBe('unclassified');
    expect(p.confidence).toBeLessThan(model.thresholds.level1);
  });

  it('leaves a prediction below the first-level threshold 未分类 and keeps the first level when only the second is unsure', () => {
    const text = '路口积水，老板欠薪';
    // A second-level threshold above 1 keeps the answer at the first level, so its confidence is the first level's.
    const open = categoryClassifier({ ...model, thresholds: { level1: 0, level2: 2 } })(text);
    if (open.kind !== 'predicted') throw new Error('expected a prediction with no thresholds');
    // Just above this appeal's confidence: the same model must now decline, and say how sure it was.
    const strict = categoryClassifier({
      ...model,
      thresholds: { level1: open.confidence + 1e-9, level2: 0 },
    })(text);
    expect(strict.kind).toBe('unclassified');
    expect(strict.confidence).toBeCloseTo(open.confidence, 9);
    const clear = '下雨后路面积水严重';
    const both = categoryClassifier(model)(clear);
    if (both.kind !== 'predicted') throw new Error('expected a prediction');
    const firstOnly = categoryClassifier({
      ...model,
      thresholds: { level1: 0, level2: both.confidence + 1e-9 },
    })(clear);
    expect(firstOnly).toMatchObject({ kind: 'predicted', level1: '01', level2: null, code: '01' });
  });
});

describe('model file', () => {
  const tmp = makeTempDir('text-model-');
  afterAll(() => tmp.cleanup());

  it('round-trips a model with its evaluation and refuses another version', () => {
    const model = trainCategoryModel([...constructed(), ...constructed()], { folds: 3 });
    const file = path.join(tmp.dir, 'models', 'category-classifier.json');
    writeCategoryModel(file, model);
    const read = readCategoryModel(file).model;
    expect(read?.level1.evaluation.macroF1).toBe(model.level1.evaluation.macroF1);
    expect(read && categoryClassifier(read)('路口积水')).toEqual(categoryClassifier(model)('路口积水'));
    const old = path.join(tmp.dir, 'old.json');
    mkdirSync(path.dirname(old), { recursive: true });
    writeFileSync(old, JSON.stringify({ ...model, version: 0 }));
    expect(readCategoryModel(old)).toMatchObject({
      model: null,
      reason: expect.stringContaining('version 0'),
    });
  });
});
