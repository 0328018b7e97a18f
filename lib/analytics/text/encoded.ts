import type { SparseVector, Vocabulary } from './features';

/**
 * Documents with every distinct feature string replaced by an integer once, so that the folds of a
 * cross-validation count, select and vectorise with typed arrays instead of hashing strings again on every fit
 * (that hashing was most of the training time on 20,000 tickets).
 */
export interface EncodedDocuments {
  strings: string[];
  docs: Int32Array[];
}

export function encodeDocuments(featureDocs: readonly (readonly string[])[]): EncodedDocuments {
  const ids = new Map<string, number>();
  const strings: string[] = [];
  const docs = featureDocs.map((doc) =>
    Int32Array.from(doc, (term) => {
      let id = ids.get(term);
      if (id === undefined) {
        id = strings.length;
        ids.set(term, id);
        strings.push(term);
      }
      return id;
    }),
  );
  return { strings, docs };
}

/** The vocabulary of some encoded documents (features in ≥ minDocuments of them) and the global → local id map. */
export function encodedVocabulary(
  encoded: EncodedDocuments,
  members: readonly number[],
  minDocuments: number,
): { vocabulary: Vocabulary; local: Int32Array } {
  const df = new Int32Array(encoded.strings.length);
  const lastSeen = new Int32Array(encoded.strings.length).fill(-1);
  for (const m of members) {
    for (const id of encoded.docs[m] as Int32Array) {
      if (lastSeen[id] !== m) {
        lastSeen[id] = m;
        df[id] = (df[id] as number) + 1;
      }
    }
  }
  const local = new Int32Array(encoded.strings.length).fill(-1);
  const terms: string[] = [];
  const idf: number[] = [];
  const n = members.length;
  for (let id = 0; id < df.length; id++) {
    if ((df[id] as number) < minDocuments) continue;
    local[id] = terms.length;
    terms.push(encoded.strings[id] as string);
    idf.push(Math.log((1 + n) / (1 + (df[id] as number))) + 1);
  }
  return { vocabulary: { terms, idf }, local };
}

/** Raw counts of an encoded document over a vocabulary (through its global → local map). */
export function encodedCounts(doc: Int32Array, local: Int32Array): SparseVector {
  const found: number[] = [];
  for (const id of doc) {
    const i = local[id] as number;
    if (i >= 0) found.push(i);
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
