import { categories, categoryByCode } from '../../taxonomy';
import type { Evaluation } from './evaluation';
import { segment } from './segment';
import {
  classifierFromParts,
  type Prediction,
  predictor,
  type SeedDocument,
  type TextClassifier,
  trainAndEvaluate,
} from './text-classifier';

/**
 * The appeal-category classifier of a deployment: one text classifier for the first level of the taxonomy and one
 * for the second, trained from tickets whose category the source gave, stored as one JSON file with its evaluation
 * (model-file.ts). Kept separate per level rather than one 64-class model so that a confident first level is not
 * lost when the second level is uncertain: the ticket then gets its first-level category only.
 */
export const CATEGORY_MODEL_FORMAT = 'hotline-atlas/category-classifier';
/** Bump when the stored shape or the features change: an older file is then retrained, not misread. */
export const CATEGORY_MODEL_VERSION = 1;

/**
 * Below these calibrated probabilities a ticket stays 未分类: about 60 % or more of the predictions made at 0.6 are
 * right on the held-out folds (docs/text.md), and a wrong category is worse for routing than none.
 */
export const DEFAULT_THRESHOLDS = { level1: 0.6, level2: 0.6 } as const;

export interface StoredLevel {
  terms: string[];
  idf: number[];
  classes: string[];
  alpha: number;
  temperature: number;
  /** Per class: parallel arrays of feature index and summed tf-idf weight (complement-nb.ts). */
  sums: { indices: number[]; values: number[] }[];
  evaluation: Evaluation;
}

export interface CategoryModelFile {
  format: typeof CATEGORY_MODEL_FORMAT;
  version: number;
  trainedAt: string;
  /** Tickets the final model was trained on (taxonomy seed documents not counted). */
  trainingSize: number;
  thresholds: { level1: number; level2: number };
  level1: StoredLevel;
  /** Absent when too few tickets carry a second-level category. */
  level2: StoredLevel | null;
}

export interface LabelledText {
  text: string;
  level1: string;
  level2: string | null;
}

/** What the classifier says about one appeal. */
export type CategoryPrediction =
  | { kind: 'predicted'; level1: string; level2: string | null; code: string; confidence: number }
  | { kind: 'unclassified'; confidence: number };

/** A category's own words as a training example: its Chinese name, aliases and (first level) its children's. */
function taxonomySeeds(level: 1 | 2): SeedDocument[] {
  return categories
    .filter((c) => c.level === level)
    .map((c) => {
      const names = [c.zh, ...c.aliases];
      if (level === 1)
        for (const child of categories.filter((k) => k.parentCode === c.code))
          names.push(child.zh, ...child.aliases);
      return { words: segment(names.join(' ')), label: c.code };
    });
}

const round = (x: number) => Number(x.toPrecision(6));

function storeLevel(classifier: TextClassifier, evaluation: Evaluation): StoredLevel {
  const { state } = classifier.model;
  return {
    terms: classifier.vocabulary.terms,
    idf: classifier.vocabulary.idf.map(round),
    classes: state.classes,
    alpha: state.alpha,
    temperature: classifier.temperature,
    sums: state.sums.map((s) => ({ indices: Array.from(s.indices), values: Array.from(s.values, round) })),
    evaluation,
  };
}

function loadLevel(level: StoredLevel): TextClassifier {
  return classifierFromParts({
    vocabulary: { terms: level.terms, idf: level.idf },
    temperature: level.temperature,
    state: {
      classes: level.classes,
      alpha: level.alpha,
      featureCount: level.terms.length,
      sums: level.sums.map((s) => ({
        indices: Int32Array.from(s.indices),
        values: Float64Array.from(s.values),
      })),
    },
  });
}

/** The words the classifier reads from a ticket: the title twice (it names the problem), then the content. */
export function ticketText(title: string | null, content: string | null): string {
  return `${title ?? ''} ${title ?? ''} ${content ?? ''}`;
}

/** A second-level class needs this many examples to be learnt; rarer ones are left to the first level. */
const MIN_LEVEL2_EXAMPLES = 10;

/** Trains both levels with k-fold evaluation. */
export function trainCategoryModel(
  examples: readonly LabelledText[],
  options: { folds?: number; trainedAt?: Date } = {},
): CategoryModelFile {
  const words = examples.map((e) => segment(e.text));
  const folds = options.folds ?? 5;
  const first = trainAndEvaluate(
    words,
    examples.map((e) => e.level1),
    { folds, seeds: taxonomySeeds(1) },
  );
  const counts = new Map<string, number>();
  for (const e of examples) if (e.level2) counts.set(e.level2, (counts.get(e.level2) ?? 0) + 1);
  const withL2 = examples
    .map((e, i) => ({ i, label: e.level2 }))
    .filter(
      (e): e is { i: number; label: string } =>
        !!e.label && (counts.get(e.label) ?? 0) >= MIN_LEVEL2_EXAMPLES,
    );
  const second =
    new Set(withL2.map((e) => e.label)).size >= 2
      ? trainAndEvaluate(
          withL2.map((e) => words[e.i] as string[]),
          withL2.map((e) => e.label),
          { folds, seeds: taxonomySeeds(2) },
        )
      : null;
  return {
    format: CATEGORY_MODEL_FORMAT,
    version: CATEGORY_MODEL_VERSION,
    trainedAt: (options.trainedAt ?? new Date()).toISOString(),
    trainingSize: examples.length,
    thresholds: { ...DEFAULT_THRESHOLDS },
    level1: storeLevel(first.classifier, first.evaluation),
    level2: second ? storeLevel(second.classifier, second.evaluation) : null,
  };
}

/**
 * A classifier function for a stored model. First level below its threshold → unclassified (with the
 * confidence, so that analysts can see how close it was). Second level only when confident and under the
 * predicted first level; the confidence reported is that of the finest level assigned.
 */
export function categoryClassifier(model: CategoryModelFile): (text: string) => CategoryPrediction {
  const first = predictor(loadLevel(model.level1));
  const second = model.level2 ? predictor(loadLevel(model.level2)) : null;
  return (text) => {
    const words = segment(text);
    const p1: Prediction = first(words);
    if (words.length === 0 || p1.confidence < model.thresholds.level1) {
      return { kind: 'unclassified', confidence: words.length === 0 ? 0 : p1.confidence };
    }
    const p2 = second?.(words);
    const l2ok =
      p2 && p2.confidence >= model.thresholds.level2 && categoryByCode(p2.label)?.parentCode === p1.label;
    return l2ok
      ? { kind: 'predicted', level1: p1.label, level2: p2.label, code: p2.label, confidence: p2.confidence }
      : { kind: 'predicted', level1: p1.label, level2: null, code: p1.label, confidence: p1.confidence };
  };
}
