/**
 * The dispatch suggestion (精准派单): which unit should lead a new ticket, and which should co-handle it, learned from
 * past tickets that were closed without being returned (their units were right the first time).
 *
 * Two parts multiply: where and what (the units that handled this category in this street, backed off to the
 * district, the category and the whole city, each level smoothed towards the one above), and the words (a
 * multinomial naive Bayes over the vocabulary the text module's segmenter found in the training appeals). A
 * request matches the vocabulary in the pasted text by forward maximum matching, so the web process needs no
 * segmenter (jieba is a native module the ETL loads) and the backtest scores exactly what a request does.
 */

/** One training or test appeal. */
export interface DispatchExample {
  text: string;
  category: string | null;
  county: string | null;
  town: string | null;
  /** The lead unit that handled it; co-handling units count towards co-handling suggestions. */
  unit: string;
  coUnits?: readonly string[];
}

/** Counts a model is made of: what the ETL step stores and the web process loads. */
export interface DispatchCounts {
  /** (context key, unit, tickets): keys '' (city), 'c:<L2>', 'c:<L2>|d:<county>', 'c:<L2>|t:<town>', 'd:<county>', 't:<town>'. */
  contexts: { key: string; unit: string; tickets: number }[];
  /** (term, unit, occurrences) over the training appeals. */
  terms: { term: string; unit: string; count: number }[];
  /** (context key, unit, tickets) of co-handling units on the same keys (only 'c:<L2>'). */
  coHandling: { key: string; unit: string; tickets: number }[];
}

/** A unit suggested for a ticket, with the model's confidence (0–1, over all units). */
export interface UnitSuggestion {
  unit: string;
  confidence: number;
}

/** Lead candidates, most likely first, and co-handling units seen with this category. */
export interface DispatchSuggestion {
  lead: UnitSuggestion[];
  coHandling: UnitSuggestion[];
  /** The vocabulary words found in the text (what the words part used). */
  matchedTerms: string[];
}

/** How far each context level is pulled towards the level above (pseudo-tickets). */
const SMOOTHING = 4;
/** Additive smoothing of word counts. */
const WORD_ALPHA = 0.1;
/** The words' weight when the category is known (category and place already say most of it). */
const WORDS_WEIGHT_WITH_CATEGORY = 0.25;
const MAX_TERM_LENGTH = 8;

export class DispatchModel {
  private readonly units: string[];
  private readonly unitIndex = new Map<string, number>();
  private readonly contexts = new Map<string, Float64Array>();
  private readonly coHandling = new Map<string, Map<string, number>>();
  private readonly termLogLikelihood = new Map<string, Float64Array>();
  private readonly unseenLogLikelihood: Float64Array;

  constructor(counts: DispatchCounts) {
    this.units = [...new Set(counts.contexts.map((c) => c.unit))].sort();
    for (const [i, u] of this.units.entries()) this.unitIndex.set(u, i);
    for (const c of counts.contexts) {
      const i = this.unitIndex.get(c.unit)!;
      const row = this.contexts.get(c.key) ?? new Float64Array(this.units.length);
      row[i] = (row[i] ?? 0) + c.tickets;
      this.contexts.set(c.key, row);
    }
    for (const c of counts.coHandling) {
      const m = this.coHandling.get(c.key) ?? new Map<string, number>();
      m.set(c.unit, (m.get(c.unit) ?? 0) + c.tickets);
      this.coHandling.set(c.key, m);
    }
    const termTotals = new Float64Array(this.units.length);
    const vocabulary = new Set<string>();
    for (const t of counts.terms) {
      const i = this.unitIndex.get(t.unit);
      if (i === undefined) continue;
      termTotals[i] = (termTotals[i] ?? 0) + t.count;
      vocabulary.add(t.term);
    }
    const denominators = Float64Array.from(termTotals, (n) => n + WORD_ALPHA * Math.max(1, vocabulary.size));
    this.unseenLogLikelihood = Float64Array.from(denominators, (d) => Math.log(WORD_ALPHA / d));
    for (const t of counts.terms) {
      const i = this.unitIndex.get(t.unit);
      if (i === undefined) continue;
      const row = this.termLogLikelihood.get(t.term) ?? Float64Array.from(this.unseenLogLikelihood);
      row[i] = Math.log((t.count + WORD_ALPHA) / denominators[i]!);
      this.termLogLikelihood.set(t.term, row);
    }
  }

  /** How many units the model knows. */
  get unitCount(): number {
    return this.units.length;
  }

  /** The vocabulary words in a text, longest match first, left to right. */
  matchTerms(text: string): string[] {
    const s = text.normalize('NFKC').toLowerCase();
    const found: string[] = [];
    for (let i = 0; i < s.length; ) {
      let step = 1;
      for (let len = Math.min(MAX_TERM_LENGTH, s.length - i); len >= 2; len--) {
        const piece = s.slice(i, i + len);
        if (this.termLogLikelihood.has(piece)) {
          found.push(piece);
          step = len;
          break;
        }
      }
      i += step;
    }
    return found;
  }

  /** Lead and co-handling suggestions for a ticket's text, category and place; `limit` lead units. */
  suggest(ticket: Omit<DispatchExample, 'unit'>, limit = 3): DispatchSuggestion {
    const n = this.units.length;
    if (n === 0) return { lead: [], coHandling: [], matchedTerms: [] };
    const context = this.contextDistribution(ticket);
    const terms = this.matchTerms(ticket.text);
    const words = new Float64Array(n);
    for (const term of terms) {
      const row = this.termLogLikelihood.get(term)!;
      for (let i = 0; i < n; i++) words[i] = words[i]! + row[i]!;
    }
    const weight = ticket.category ? WORDS_WEIGHT_WITH_CATEGORY : 1;
    const scores = Float64Array.from(context, (p, i) => Math.log(p) + weight * words[i]!);
    const confidence = softmax(scores);
    const order = [...confidence.keys()].sort((a, b) => confidence[b]! - confidence[a]! || a - b);
    const lead = order.slice(0, limit).map((i) => ({ unit: this.units[i]!, confidence: confidence[i]! }));
    return { lead, coHandling: this.coHandlingFor(ticket.category, lead[0]?.unit), matchedTerms: terms };
  }

  /** Units by where and what, each level smoothed towards the one above. */
  private contextDistribution(t: Omit<DispatchExample, 'unit'>): Float64Array {
    const n = this.units.length;
    let p = this.smoothed(this.contexts.get(''), new Float64Array(n).fill(1 / n));
    const chain: string[] = [];
    if (t.category) {
      chain.push(`c:${t.category}`);
      if (t.county) chain.push(`c:${t.category}|d:${t.county}`);
      if (t.town) chain.push(`c:${t.category}|t:${t.town}`);
    } else {
      if (t.county) chain.push(`d:${t.county}`);
      if (t.town) chain.push(`t:${t.town}`);
    }
    for (const key of chain) p = this.smoothed(this.contexts.get(key), p);
    return p;
  }

  private smoothed(counts: Float64Array | undefined, prior: Float64Array): Float64Array {
    if (!counts) return prior;
    let total = 0;
    for (const c of counts) total += c;
    return Float64Array.from(prior, (q, i) => (counts[i]! + SMOOTHING * q) / (total + SMOOTHING));
  }

  /** Co-handling units seen with this category, other than the suggested lead, as shares of its tickets. */
  private coHandlingFor(category: string | null, lead: string | undefined): UnitSuggestion[] {
    if (!category) return [];
    const m = this.coHandling.get(`c:${category}`);
    const row = this.contexts.get(`c:${category}`);
    if (!m || !row) return [];
    const total = row.reduce((a, b) => a + b, 0);
    return [...m]
      .filter(([unit]) => unit !== lead)
      .map(([unit, tickets]) => ({ unit, confidence: tickets / Math.max(1, total) }))
      .sort((a, b) => b.confidence - a.confidence || a.unit.localeCompare(b.unit))
      .slice(0, 2);
  }
}

function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const exp = Float64Array.from(scores, (s) => Math.exp(s - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return Float64Array.from(exp, (e) => e / total);
}

/** The context keys one training appeal counts towards. */
export function contextKeys(e: Pick<DispatchExample, 'category' | 'county' | 'town'>): string[] {
  const keys = [''];
  if (e.county) keys.push(`d:${e.county}`);
  if (e.town) keys.push(`t:${e.town}`);
  if (e.category) {
    keys.push(`c:${e.category}`);
    if (e.county) keys.push(`c:${e.category}|d:${e.county}`);
    if (e.town) keys.push(`c:${e.category}|t:${e.town}`);
  }
  return keys;
}

/**
 * Counts from training appeals. `vocabulary` is the set of words the segmenter found often enough; each appeal's
 * words are then counted by the same forward maximum matching a request uses.
 */
export function countDispatch(
  examples: readonly DispatchExample[],
  vocabulary: ReadonlySet<string>,
): DispatchCounts {
  const contexts = new Map<string, number>();
  const co = new Map<string, number>();
  const terms = new Map<string, number>();
  const matcher = new DispatchModel({
    contexts: [{ key: '', unit: '_', tickets: 1 }],
    terms: [...vocabulary].map((term) => ({ term, unit: '_', count: 1 })),
    coHandling: [],
  });
  const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
  for (const e of examples) {
    for (const key of contextKeys(e)) bump(contexts, `${key}\u0000${e.unit}`);
    if (e.category) for (const u of e.coUnits ?? []) bump(co, `c:${e.category}\u0000${u}`);
    for (const term of matcher.matchTerms(e.text)) bump(terms, `${term}\u0000${e.unit}`);
  }
  const split = (k: string) => k.split('\u0000') as [string, string];
  return {
    contexts: [...contexts].map(([k, tickets]) => ({ key: split(k)[0], unit: split(k)[1], tickets })),
    terms: [...terms].map(([k, count]) => ({ term: split(k)[0], unit: split(k)[1], count })),
    coHandling: [...co].map(([k, tickets]) => ({ key: split(k)[0], unit: split(k)[1], tickets })),
  };
}

/** Top-1 and top-3 accuracy of a model on test appeals against the unit that finally handled each. */
export function dispatchAccuracy(
  model: DispatchModel,
  tests: readonly DispatchExample[],
): { tickets: number; top1: number; top3: number } {
  let top1 = 0;
  let top3 = 0;
  for (const t of tests) {
    const lead = model.suggest(t, 3).lead.map((s) => s.unit);
    if (lead[0] === t.unit) top1++;
    if (lead.includes(t.unit)) top3++;
  }
  const n = Math.max(1, tests.length);
  return { tickets: tests.length, top1: top1 / n, top3: top3 / n };
}
