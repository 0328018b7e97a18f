import type { SparseVector } from './features';

/**
 * Complement naive Bayes (Rennie et al. 2003, "Tackling the Poor Assumptions of Naive Bayes Text Classifiers") on
 * tf-idf vectors: each class is scored by how badly the *other* classes' word distribution explains the document,
 * which keeps small classes from being swamped by big ones, and the weights are normalised per class.
 *
 * Written here because no maintained JavaScript library fits: mljs's logistic regression and naive Bayes take dense
 * matrices (a 20,000-word vocabulary × 100,000 appeals would need gigabytes), and natural's Bayes classifier has no
 * tf-idf, no complement form and no serialisable sparse state. Chosen over a softmax regression trained by SGD
 * (also tried, see docs/text.md) because it scored higher on the real 495-message set and trains in one pass.
 *
 * The state is the per-class sums of tf-idf weight per feature: sparse (a word occurs in few classes), so it is
 * what the model file stores; the dense weights are derived from it when the model is loaded.
 */
export interface ComplementNbState {
  classes: string[];
  featureCount: number;
  /** Additive smoothing of every (class, feature) sum. */
  alpha: number;
  /** sums[c]: feature index → summed tf-idf weight of class c's training documents. */
  sums: SparseVector[];
}

export interface ComplementNb {
  state: ComplementNbState;
  /** weights[c][f], normalised so that Σ_f |weights[c][f]| = 1. */
  weights: Float64Array[];
}

/** Sums per class from training vectors; labels[i] indexes `classes`. */
export function fitComplementNb(
  vectors: readonly SparseVector[],
  labels: readonly number[],
  classes: readonly string[],
  featureCount: number,
  alpha = 0.05,
): ComplementNb {
  const dense = classes.map(() => new Map<number, number>());
  vectors.forEach((x, i) => {
    const sums = dense[labels[i] as number] as Map<number, number>;
    for (let j = 0; j < x.indices.length; j++) {
      const f = x.indices[j] as number;
      sums.set(f, (sums.get(f) ?? 0) + (x.values[j] as number));
    }
  });
  const sums = dense.map((m) => {
    const indices = Int32Array.from([...m.keys()].sort((a, b) => a - b));
    return { indices, values: Float64Array.from(indices, (f) => m.get(f) ?? 0) };
  });
  return complementNbFromState({ classes: [...classes], featureCount, alpha, sums });
}

/** Derives the weights from the stored sums (what loading a model file does). */
export function complementNbFromState(state: ComplementNbState): ComplementNb {
  const { featureCount: v, alpha } = state;
  const total = new Float64Array(v);
  for (const s of state.sums)
    for (let j = 0; j < s.indices.length; j++) {
      const f = s.indices[j] as number;
      total[f] = (total[f] as number) + (s.values[j] as number);
    }
  let grand = 0;
  for (const t of total) grand += t;
  const weights = state.sums.map((own) => {
    const complement = new Float64Array(v);
    for (let f = 0; f < v; f++) complement[f] = (total[f] as number) + alpha;
    let ownTotal = 0;
    for (let j = 0; j < own.indices.length; j++) {
      const f = own.indices[j] as number;
      complement[f] = (complement[f] as number) - (own.values[j] as number);
      ownTotal += own.values[j] as number;
    }
    const denominator = grand - ownTotal + alpha * v;
    const w = new Float64Array(v);
    let norm = 0;
    const logDenominator = Math.log(denominator);
    for (let f = 0; f < v; f++) {
      const weight = Math.log(complement[f] as number) - logDenominator;
      w[f] = weight;
      norm += weight < 0 ? -weight : weight;
    }
    for (let f = 0; f < v; f++) w[f] = (w[f] as number) / (norm || 1);
    return w;
  });
  return { state, weights };
}

/**
 * Class scores of a vector, higher = more likely: minus the weight of the document under each complement. They
 * are not probabilities; calibration.ts turns them into ones.
 */
export function complementNbScores(model: ComplementNb, x: SparseVector): Float64Array {
  const scores = new Float64Array(model.weights.length);
  model.weights.forEach((w, c) => {
    let s = 0;
    for (let j = 0; j < x.indices.length; j++)
      s += (w[x.indices[j] as number] as number) * (x.values[j] as number);
    scores[c] = -s;
  });
  return scores;
}
