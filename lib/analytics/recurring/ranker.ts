/**
 * The planners' candidate score (docs/recurring.md): seven components, each normalised to 0–1 and shown, combined
 * as a weighted mean × 100. Nothing is hidden: a planner can recompute a score from the numbers on the page.
 */

/** What is counted for one candidate over the selected months (lib/queries/planning-candidates.ts). */
export interface CandidateMeasures {
  tickets: number;
  /** Months with an appeal, and months in the range. */
  months: number;
  rangeMonths: number;
  /** Appeals in the later and the earlier half of the range. */
  recentTickets: number;
  earlierTickets: number;
  /** Appeals that repeat the same caller's earlier appeal (repeat_appeals). */
  repeatTickets: number;
  /** Appeals with a known outcome, and those of them not resolved. */
  resolutionKnown: number;
  unresolved: number;
  /** Rated appeals, and those rated dissatisfied. */
  rated: number;
  dissatisfied: number;
  /** Distinct callers and distinct places (addresses or cells). */
  callers: number;
  places: number;
}

export const SCORE_COMPONENTS = [
  'volume',
  'persistence',
  'growth',
  'repeat',
  'unresolved',
  'unsatisfied',
  'spread',
] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];
export type Weights = Record<ScoreComponent, number>;

/**
 * Defaults: a project is for a problem that is big and keeps coming back (volume, persistence 3 each) and touches
 * many residents (spread 2); growth, repeats, unresolved and unsatisfied shares (1 each) break ties towards the
 * problems handling ticket by ticket does not fix.
 */
export const DEFAULT_WEIGHTS: Weights = {
  volume: 3,
  persistence: 3,
  growth: 1,
  repeat: 1,
  unresolved: 1,
  unsatisfied: 1,
  spread: 2,
};

/**
 * Appeals added to the denominator of growth, so that 5 appeals after none before (one resident's calls) is not
 * "growing" as much as 77 after none (a new construction site): small counts say little about a trend.
 */
export const GROWTH_PRIOR = 10;

/** Largest weight a user may set (the sliders' range is 0 to this). */
export const MAX_WEIGHT = 5;

/** Normalisation of each component, in words, for the page's legend. */
export const COMPONENT_DEFINITIONS: Record<ScoreComponent, { zh: string; en: string }> = {
  volume: { zh: '诉求量：ln(1+件数) ÷ ln(1+最大件数)', en: 'Volume: ln(1 + appeals) ÷ ln(1 + largest)' },
  persistence: { zh: '持续性：出现月数 ÷ 区间月数', en: 'Persistence: months present ÷ months in range' },
  growth: {
    zh: '增长：(后半段 − 前半段) ÷ (后半段 + 前半段 + 10)，映射到 0–1，0.5 为持平',
    en: 'Growth: (later − earlier half) ÷ (later + earlier + 10), mapped to 0–1; 0.5 = flat',
  },
  repeat: { zh: '重复诉求占比', en: 'Share of repeat appeals' },
  unresolved: { zh: '未解决占比（已知结果中）', en: 'Share unresolved (of known outcomes)' },
  unsatisfied: { zh: '不满意占比（已评价中）', en: 'Share dissatisfied (of rated)' },
  spread: {
    zh: '涉及面：ln(1+来电人数) ÷ ln(1+最大来电人数)',
    en: 'Spread: ln(1 + distinct callers) ÷ ln(1 + largest)',
  },
};

export interface ScoredCandidate<C extends CandidateMeasures> {
  candidate: C;
  components: Record<ScoreComponent, number>;
  /** 0–100. */
  score: number;
  /** 1 = best; ties share no rank (stable order by input). */
  rank: number;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const logScale = (value: number, max: number) => (max > 0 ? Math.log1p(value) / Math.log1p(max) : 0);

/** Each component of each candidate, normalised against the list it is ranked in. */
export function scoreComponents(candidates: readonly CandidateMeasures[]): Record<ScoreComponent, number>[] {
  const maxTickets = Math.max(0, ...candidates.map((c) => c.tickets));
  const maxCallers = Math.max(0, ...candidates.map((c) => c.callers));
  return candidates.map((c) => {
    const both = c.recentTickets + c.earlierTickets + GROWTH_PRIOR;
    return {
      volume: logScale(c.tickets, maxTickets),
      persistence: Math.min(1, share(c.months, c.rangeMonths)),
      growth: ((c.recentTickets - c.earlierTickets) / both + 1) / 2,
      repeat: share(c.repeatTickets, c.tickets),
      unresolved: share(c.unresolved, c.resolutionKnown),
      unsatisfied: share(c.dissatisfied, c.rated),
      spread: logScale(c.callers, maxCallers),
    };
  });
}

/**
 * Ranks candidates by 100 × Σ wᵢ·cᵢ ÷ Σ wᵢ (all weights 0: every score is 0). Negative weights count as 0.
 * Ties keep the input order.
 */
export function rankCandidates<C extends CandidateMeasures>(
  candidates: readonly C[],
  weights: Weights = DEFAULT_WEIGHTS,
): ScoredCandidate<C>[] {
  const components = scoreComponents(candidates);
  const w = SCORE_COMPONENTS.map((k) => Math.max(0, weights[k]));
  const total = w.reduce((a, b) => a + b, 0);
  const scored = candidates.map((candidate, i) => {
    const parts = components[i]!;
    const sum = SCORE_COMPONENTS.reduce((acc, k, j) => acc + w[j]! * parts[k], 0);
    return { candidate, components: parts, score: total > 0 ? (100 * sum) / total : 0, rank: 0, order: i };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ order: _order, ...rest }, i) => ({ ...rest, rank: i + 1 }));
}
