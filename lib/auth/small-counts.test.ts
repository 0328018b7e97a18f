import { describe, expect, it } from 'vitest';
import { SUPPRESSED, suppressSmallCounts } from './small-counts';

describe('suppressSmallCounts', () => {
  it('hides counts of one and two under the named keys, at any depth, and nothing else', () => {
    const answer = {
      appeals: 2,
      resolvedRate: 0.5,
      rows: [
        { code: '511502', tickets: 1, per10k: 2.4 },
        { code: '511503', tickets: 3, per10k: 1 },
        { code: '511504', tickets: 0, per10k: 0 },
      ],
      nested: { deeper: [{ overdueCount: 2 }] },
    };
    expect(suppressSmallCounts(answer, new Set(['appeals', 'tickets', 'overdueCount']))).toEqual({
      appeals: SUPPRESSED,
      resolvedRate: 0.5,
      rows: [
        { code: '511502', tickets: SUPPRESSED, per10k: 2.4 },
        { code: '511503', tickets: 3, per10k: 1 },
        { code: '511504', tickets: 0, per10k: 0 },
      ],
      nested: { deeper: [{ overdueCount: SUPPRESSED }] },
    });
    expect(SUPPRESSED).toBe('<3');
  });

  it('withholds the changes computed from a suppressed count, and only beside it', () => {
    const answer = {
      rising: [
        { l2: '0104', tickets: 40, previous: 2, change: 38, changeRate: 19 },
        { l2: '0201', tickets: 30, previous: 10, change: 20, changeRate: 2 },
      ],
    };
    expect(suppressSmallCounts(answer, new Set(['tickets', 'previous']), ['change', 'changeRate'])).toEqual({
      rising: [
        { l2: '0104', tickets: 40, previous: SUPPRESSED, change: null, changeRate: null },
        { l2: '0201', tickets: 30, previous: 10, change: 20, changeRate: 2 },
      ],
    });
  });

  it('withholds a figure only beside the counts named as giving it away', () => {
    const answer = {
      rows: [
        { department: 'a', tickets: 2, overdue: 0, complexity: 1.5, score: 71, medianHours: 30 },
        { department: 'b', tickets: 40, overdue: 1, complexity: 52, score: 80, medianHours: 20 },
      ],
    };
    const rules = { complexity: ['tickets'], score: ['tickets'] };
    expect(suppressSmallCounts(answer, new Set(['tickets', 'overdue']), rules)).toEqual({
      rows: [
        { department: 'a', tickets: SUPPRESSED, overdue: 0, complexity: null, score: null, medianHours: 30 },
        { department: 'b', tickets: 40, overdue: SUPPRESSED, complexity: 52, score: 80, medianHours: 20 },
      ],
    });
  });
});
