import { fitTemperature, softmaxWithTemperature } from './calibration';
import {
  type ComplementNb,
  complementNbFromState,
  complementNbScores,
  fitComplementNb,
} from './complement-nb';
import { type EncodedDocuments, encodeDocuments, encodedCounts, encodedVocabulary } from './encoded';
import { crossValidate, type Evaluation } from './evaluation';
import { countVector, documentFeatures, termIndex, tfidfVector, type Vocabulary } from './features';

/** A trained classifier from segmented text (segment.ts) to labels: vocabulary, model, calibration. */
export interface TextClassifier {
  vocabulary: Vocabulary;
  model: ComplementNb;
  /** Softmax temperature fitted on cross-validated scores (calibration.ts); 1 when not evaluated. */
  temperature: number;
}

export interface Prediction {
  label: string;
  /** Calibrated probability of `label`, 0–1. */
  confidence: number;
}

/** A labelled example that only ever trains, never tests: a category's name and aliases, say. */
export interface SeedDocument {
  words: string[];
  label: string;
}

export interface TrainOptions {
  /** Smoothing of complement naive Bayes (default 0.05, the best of 0.02/0.05/0.1 on the real set). */
  alpha?: number;
  /** A feature must occur in this many training documents (default: 1 below 2,000 documents, else 2). */
  minDocuments?: number;
  /** Added to every training set, including every cross-validation fold's; never evaluated. */
  seeds?: readonly SeedDocument[];
  temperature?: number;
}

/** Trains on segmented documents and their labels (any strings: codes, names). */
export function trainTextClassifier(
  documents: readonly (readonly string[])[],
  labels: readonly string[],
  options: TrainOptions = {},
): TextClassifier {
  if (documents.length !== labels.length) throw new Error('one label per document');
  return fitFeatures(documents.map(documentFeatures), labels, options);
}

/** trainTextClassifier on documents already turned into features, as encoded ids (encoded.ts). */
function fitFeatures(
  featureDocs: readonly (readonly string[])[],
  labels: readonly string[],
  options: TrainOptions,
): TextClassifier {
  const seeds = options.seeds ?? [];
  const encoded = encodeDocuments([...featureDocs, ...seeds.map((s) => documentFeatures(s.words))]);
  return fitEncoded(
    encoded,
    featureDocs.map((_, i) => i),
    labels,
    options,
  );
}

/**
 * Fits on the encoded documents `members` with their `labels`; the seed documents are the encoded documents
 * after the last real one (encoded.docs.length − seeds.length onwards).
 */
function fitEncoded(
  encoded: EncodedDocuments,
  members: readonly number[],
  labels: readonly string[],
  options: TrainOptions,
): TextClassifier {
  const seeds = options.seeds ?? [];
  const firstSeed = encoded.docs.length - seeds.length;
  const all = [...members, ...seeds.map((_, k) => firstSeed + k)];
  const allLabels = [...labels, ...seeds.map((s) => s.label)];
  const minDocuments = options.minDocuments ?? (members.length < 2000 ? 1 : 2);
  const { vocabulary, local } = encodedVocabulary(encoded, all, minDocuments);
  // Only the labels of real documents become classes: a seed for a class with no data would be always wrong.
  const classes = [...new Set(labels)].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const kept = all.map((_, k) => k).filter((k) => classIndex.has(allLabels[k] as string));
  const model = fitComplementNb(
    kept.map((k) =>
      tfidfVector(encodedCounts(encoded.docs[all[k] as number] as Int32Array, local), vocabulary),
    ),
    kept.map((k) => classIndex.get(allLabels[k] as string) as number),
    classes,
    vocabulary.terms.length,
    options.alpha ?? 0.05,
  );
  return { vocabulary, model, temperature: options.temperature ?? 1 };
}

/** Uncalibrated class scores (higher = likelier) of a segmented document, in `model.state.classes` order. */
function classScores(classifier: TextClassifier, words: readonly string[], index: Map<string, number>) {
  return featureScores(classifier, documentFeatures(words), index);
}

function featureScores(classifier: TextClassifier, features: readonly string[], index: Map<string, number>) {
  const vector = tfidfVector(countVector(features, index), classifier.vocabulary);
  return complementNbScores(classifier.model, vector);
}

/** Calibrated class probabilities of a segmented document, in `classifier.model.state.classes` order. */
export function classProbabilities(
  classifier: TextClassifier,
  words: readonly string[],
  index = termIndex(classifier.vocabulary),
): Float64Array {
  return softmaxWithTemperature(classScores(classifier, words, index), classifier.temperature);
}

/** A reusable predictor: builds the term index once, then classifies segmented documents. */
export function predictor(classifier: TextClassifier): (words: readonly string[]) => Prediction {
  const index = termIndex(classifier.vocabulary);
  const classes = classifier.model.state.classes;
  return (words) => {
    const p = classProbabilities(classifier, words, index);
    let best = 0;
    for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
    return { label: classes[best] as string, confidence: p[best] as number };
  };
}

/** Cross-validation beyond this many documents costs time and changes the figures little: an even sample is used. */
export const MAX_EVALUATION_DOCUMENTS = 8000;

/**
 * k-fold cross-validation (stratified, seeded) of trainTextClassifier on at most MAX_EVALUATION_DOCUMENTS (an even
 * spread), then the final classifier trained on every document with the temperature fitted on the held-out folds'
 * scores. The evaluation describes the returned model up to the extra data the final fit sees.
 */
export function trainAndEvaluate(
  documents: readonly (readonly string[])[],
  labels: readonly string[],
  options: TrainOptions & { folds?: number } = {},
): { classifier: TextClassifier; evaluation: Evaluation } {
  const folds = options.folds ?? 5;
  const featureDocs = documents.map(documentFeatures);
  const seeds = options.seeds ?? [];
  const encoded = encodeDocuments([...featureDocs, ...seeds.map((s) => documentFeatures(s.words))]);
  const stride = Math.max(1, Math.ceil(documents.length / MAX_EVALUATION_DOCUMENTS));
  const sample = documents.map((_, i) => i).filter((i) => i % stride === 0);
  const sampleLabels = sample.map((i) => labels[i] as string);
  const heldOutScores: Float64Array[] = [];
  const heldOutTruth: number[] = [];
  const classes = [...new Set(sampleLabels)].sort();
  const evaluation = crossValidate(sampleLabels, folds, (train) => {
    const classifier = fitEncoded(
      encoded,
      train.map((i) => sample[i] as number),
      train.map((i) => sampleLabels[i] as string),
      options,
    );
    const index = termIndex(classifier.vocabulary);
    const foldClasses = classifier.model.state.classes;
    return (test) =>
      test.map((i) => {
        const p = featureScores(classifier, featureDocs[sample[i] as number] as string[], index);
        // A class absent from this fold's training set can never be predicted: a very low score says so.
        const scores = new Float64Array(classes.length).fill(-1e9);
        foldClasses.forEach((c, k) => {
          scores[classes.indexOf(c)] = p[k] as number;
        });
        heldOutScores.push(scores);
        heldOutTruth.push(classes.indexOf(sampleLabels[i] as string));
        let best = 0;
        for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
        return foldClasses[best] as string;
      });
  });
  const temperature = fitTemperature(heldOutScores, heldOutTruth);
  const all = documents.map((_, i) => i);
  return { classifier: fitEncoded(encoded, all, labels, { ...options, temperature }), evaluation };
}

/** Rebuilds a classifier from its stored parts (model-file.ts). */
export function classifierFromParts(parts: {
  vocabulary: Vocabulary;
  state: ComplementNb['state'];
  temperature: number;
}): TextClassifier {
  return {
    vocabulary: parts.vocabulary,
    model: complementNbFromState(parts.state),
    temperature: parts.temperature,
  };
}
