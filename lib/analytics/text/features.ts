/**
 * Sparse term vectors for the classifier. A document is a list of (feature index, weight) pairs sorted by index;
 * the vocabulary is built from the training documents only, so cross-validation folds never see test words.
 */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** The features of a trained model (built by encoded.ts encodedVocabulary). */
export interface Vocabulary {
  terms: string[];
  /** Smoothed inverse document frequency per term: ln((1 + n) / (1 + df)) + 1, as scikit-learn does. */
  idf: number[];
}

/** Features of one document: its words plus adjacent word pairs, which catch phrases jieba cut apart (路灯|不亮). */
export function documentFeatures(words: readonly string[]): string[] {
  const out = words.slice();
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]}_${words[i + 1]}`);
  return out;
}

export function termIndex(vocabulary: Vocabulary): Map<string, number> {
  return new Map(vocabulary.terms.map((t, i) => [t, i]));
}

/** Raw term counts of a document over the vocabulary; unknown terms are dropped. */
export function countVector(doc: readonly string[], index: ReadonlyMap<string, number>): SparseVector {
  const found: number[] = [];
  for (const term of doc) {
    const i = index.get(term);
    if (i !== undefined) found.push(i);
  }
  found.sort((a, b) => a - b);
  const indices: number[] = [];
  const values: number[] = [];
  for (const i of found) {
    if (indices[indices.length - 1] === i)
      values[values.length - 1] = (values[values.length - 1] as number) + 1;
    else {
      indices.push(i);
      values.push(1);
    }
  }
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** Sublinear tf (1 + ln tf) × idf, scaled to unit length, so long messages do not outweigh short ones. */
export function tfidfVector(counts: SparseVector, vocabulary: Vocabulary): SparseVector {
  const values = Float64Array.from(
    counts.indices,
    (i, k) => (1 + Math.log(counts.values[k] ?? 1)) * (vocabulary.idf[i] ?? 1),
  );
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < values.length; k++) values[k] = (values[k] ?? 0) / norm;
  return { indices: counts.indices, values };
}
