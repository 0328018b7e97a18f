/**
 * Which terms are significantly more frequent in a period than in its baseline: Dunning's log-likelihood ratio G²
 * on the 2×2 table (tickets with / without the term, period / baseline), its p-value from χ² with one degree of
 * freedom, and Benjamini–Hochberg control of the false discovery rate over every term tested. G² rather than
 * Pearson's χ² because it stays accurate for rare terms (Dunning 1993), which is most of a vocabulary.
 */
export interface TermCounts {
  term: string;
  /** Tickets in the period with the term. */
  count: number;
  /** Tickets in the baseline with the term. */
  baselineCount: number;
}

export interface HotWord extends TermCounts {
  /** Share of the period's tickets with the term, and the same in the baseline. */
  share: number;
  baselineShare: number;
  /** share / baselineShare, with half a ticket added to the baseline so that new terms have a finite ratio; null without a baseline. */
  ratio: number | null;
  g2: number;
  pValue: number;
  /** Benjamini–Hochberg adjusted p-value (q-value). */
  qValue: number;
}

const xlogx = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);

/** G² of a 2×2 table: a = term in period, b = term in baseline, n1 / n2 = tickets in period / baseline. */
export function logLikelihoodG2(a: number, b: number, n1: number, n2: number): number {
  const n = n1 + n2;
  const withTerm = a + b;
  if (n1 <= 0 || n2 <= 0 || withTerm === 0 || withTerm === n) return 0;
  const e11 = (n1 * withTerm) / n;
  const e12 = (n2 * withTerm) / n;
  const e21 = n1 - e11;
  const e22 = n2 - e12;
  return Math.max(0, 2 * (xlogx(a, e11) + xlogx(b, e12) + xlogx(n1 - a, e21) + xlogx(n2 - b, e22)));
}

/** erfc by Numerical Recipes' Chebyshev fit (relative error < 1.2e-7), enough for p-values. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Upper tail of χ² with one degree of freedom: P(X ≥ x) = erfc(√(x/2)). */
export function chiSquare1PValue(x: number): number {
  return x <= 0 ? 1 : Math.min(1, erfc(Math.sqrt(x / 2)));
}

/** Benjamini–Hochberg q-values, in the input order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const { p, i } = order[k] as { p: number; i: number };
    running = Math.min(running, (p * m) / (k + 1));
    q[i] = running;
  }
  return q;
}

export interface HotWordOptions {
  /** A term needs at least this many tickets in the period (default 5): rarer rises are noise. */
  minCount?: number;
  /** False discovery rate (default 0.05). */
  fdr?: number;
}

/**
 * The terms whose share of tickets rose significantly: tested are the terms with at least `minCount` tickets in
 * the period; kept are those above their baseline share with a q-value ≤ `fdr`; ranked by G², strongest first.
 */
export function hotWords(
  terms: readonly TermCounts[],
  totals: { period: number; baseline: number },
  options: HotWordOptions = {},
): HotWord[] {
  const { minCount = 5, fdr = 0.05 } = options;
  const tested = terms.filter((t) => t.count >= minCount);
  const scored = tested.map((t) => {
    const share = totals.period > 0 ? t.count / totals.period : 0;
    const baselineShare = totals.baseline > 0 ? t.baselineCount / totals.baseline : 0;
    const g2 = logLikelihoodG2(t.count, t.baselineCount, totals.period, totals.baseline);
    return {
      ...t,
      share,
      baselineShare,
      ratio:
        totals.baseline > 0 ? share / ((t.baselineCount + 0.5) / totals.baseline) : Number.POSITIVE_INFINITY,
      g2,
      pValue: chiSquare1PValue(g2),
      qValue: 1,
    };
  });
  const q = benjaminiHochberg(scored.map((s) => s.pValue));
  return scored
    .map((s, i) => ({ ...s, qValue: q[i] as number }))
    .filter((s) => s.share > s.baselineShare && s.qValue <= fdr)
    .sort((a, b) => b.g2 - a.g2 || a.term.localeCompare(b.term));
}
