/**
 * Evaluation of a classifier: stratified k-fold cross-validation, macro-F1 and per-class precision and recall.
 * Written with the model (model-file.ts), so anyone can see how good the categories it predicts are.
 */
export interface ClassReport {
  label: string;
  /** Examples of this class in the evaluated data. */
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  folds: number;
  examples: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassReport[];
}

/**
 * Fold of each example (0..k-1): each class is dealt round-robin over the folds after a seeded shuffle, so every
 * fold has the class mix of the whole and the split is reproducible.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed = 7): number[] {
  const byClass = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = byClass.get(label) ?? [];
    list.push(i);
    byClass.set(label, list);
  });
  const fold = new Array<number>(labels.length).fill(0);
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  let offset = 0;
  for (const key of [...byClass.keys()].sort()) {
    const members = byClass.get(key) as number[];
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    members.forEach((index, position) => {
      fold[index] = (position + offset) % k;
    });
    // Start the next class where this one stopped, so small classes do not all land in fold 0.
    offset = (offset + members.length) % k;
  }
  return fold;
}

/** Accuracy, macro-F1 (unweighted mean over the classes present in truth or prediction) and per-class figures. */
export function scorePredictions(
  truth: readonly string[],
  predicted: readonly string[],
  folds = 1,
): Evaluation {
  const labels = [...new Set([...truth, ...predicted])].sort();
  const perClass = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    truth.forEach((t, i) => {
      const p = predicted[i];
      if (p === label && t === label) tp++;
      else if (p === label) fp++;
      else if (t === label) fn++;
    });
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support: tp + fn, precision, recall, f1 };
  });
  const correct = truth.filter((t, i) => predicted[i] === t).length;
  return {
    folds,
    examples: truth.length,
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: perClass.length ? perClass.reduce((s, c) => s + c.f1, 0) / perClass.length : 0,
    perClass,
  };
}

/**
 * k-fold cross-validation: for each fold, `trainOn` the other folds returns a predictor for the held-out examples.
 * The examples are indices so the caller keeps its own documents.
 */
export function crossValidate(
  labels: readonly string[],
  k: number,
  trainOn: (train: number[]) => (test: number[]) => string[],
  seed = 7,
): Evaluation {
  const folds = stratifiedFolds(labels, k, seed);
  const predicted = new Array<string>(labels.length).fill('');
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    folds.forEach((g, i) => {
      (g === f ? test : train).push(i);
    });
    if (test.length === 0) continue;
    const out = trainOn(train)(test);
    test.forEach((index, j) => {
      predicted[index] = out[j] ?? '';
    });
  }
  return scorePredictions(labels, predicted, k);
}
