import { describe, expect, it } from 'vitest';
import { suggestedProject } from './project-types';
import {
  type CandidateMeasures,
  DEFAULT_WEIGHTS,
  rankCandidates,
  scoreComponents,
  type Weights,
} from './ranker';

const base: CandidateMeasures = {
  tickets: 10,
  months: 3,
  rangeMonths: 12,
  recentTickets: 5,
  earlierTickets: 5,
  repeatTickets: 0,
  resolutionKnown: 10,
  unresolved: 0,
  rated: 10,
  dissatisfied: 0,
  callers: 5,
  places: 1,
};
const zero: Weights = {
  volume: 0,
  persistence: 0,
  growth: 0,
  repeat: 0,
  unresolved: 0,
  unsatisfied: 0,
  spread: 0,
};

/** A big, steady problem; a small one that is growing and leaves people unsatisfied. */
const big = { ...base, id: 'big', tickets: 120, months: 12, callers: 100 };
const growing = {
  ...base,
  id: 'growing',
  recentTickets: 9,
  earlierTickets: 1,
  unresolved: 6,
  dissatisfied: 7,
};

describe('rankCandidates', () => {
  it('puts the big persistent problem first with the default weights', () => {
    expect(rankCandidates([growing, big]).map((s) => s.candidate.id)).toEqual(['big', 'growing']);
  });

  it('puts the growing, unsatisfying problem first when growth and dissatisfaction weigh most', () => {
    const weights = { ...zero, growth: 5, unsatisfied: 5, volume: 1 };
    const ranked = rankCandidates([big, growing], weights);
    expect(ranked.map((s) => s.candidate.id)).toEqual(['growing', 'big']);
    expect(ranked.map((s) => s.rank)).toEqual([1, 2]);
  });

  it('computes the score as the weighted mean of the shown components × 100', () => {
    const [first] = rankCandidates([big], { ...zero, volume: 1, persistence: 1 });
    expect(first!.components.volume).toBe(1);
    expect(first!.components.persistence).toBe(1);
    expect(first!.score).toBeCloseTo(100, 10);
    const [half] = rankCandidates([{ ...big, months: 6 }], { ...zero, persistence: 2 });
    expect(half!.score).toBeCloseTo(50, 10);
    expect(rankCandidates([big], zero)[0]!.score).toBe(0);
  });

  it('normalises each component to 0–1 with documented edge cases', () => {
    const [c] = scoreComponents([
      { ...base, recentTickets: 0, earlierTickets: 0, rated: 0, resolutionKnown: 0 },
    ]);
    expect(c).toEqual({
      volume: 1,
      persistence: 0.25,
      growth: 0.5,
      repeat: 0,
      unresolved: 0,
      unsatisfied: 0,
      spread: 1,
    });
    // Growth shrinks towards flat by GROWTH_PRIOR = 10 appeals: 10 after none is (10 ÷ 20 + 1) ÷ 2.
    const [rising, falling, big] = scoreComponents([
      { ...base, recentTickets: 10, earlierTickets: 0 },
      { ...base, recentTickets: 0, earlierTickets: 10 },
      { ...base, recentTickets: 90, earlierTickets: 0 },
    ]);
    expect([rising!.growth, falling!.growth, big!.growth]).toEqual([0.75, 0.25, 0.95]);
  });

  it('keeps the input order for ties and has documented defaults', () => {
    const ranked = rankCandidates([
      { ...base, id: 'a' },
      { ...base, id: 'b' },
    ]);
    expect(ranked.map((s) => s.candidate.id)).toEqual(['a', 'b']);
    expect(Object.values(DEFAULT_WEIGHTS).every((w) => w > 0)).toBe(true);
  });
});

describe('suggestedProject', () => {
  it('suggests by second-level category, then first level, else nothing', () => {
    expect(suggestedProject('0104')?.zh).toContain('排水');
    expect(suggestedProject('0403')?.en).toContain('Lift');
    expect(suggestedProject('0405')?.zh).toBe('老旧小区改造');
    expect(suggestedProject('1204')).toBeNull();
    expect(suggestedProject(null)).toBeNull();
  });
});
