import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  chiSquare1PValue,
  hotWords,
  logLikelihoodG2,
} from '../../lib/analytics/text/hot-word-stats';
import { wordCloudOption } from '../../lib/charts/word-cloud-option';
import { baselineRange } from '../../lib/queries/hot-words';

describe('hot-word statistics', () => {
  it('computes G² of a 2×2 table as Dunning defines it', () => {
    // 30 of 100 tickets this period, 10 of 100 before: Σ 2·O·ln(O/E) over the four cells = 12.9715 (by hand).
    expect(logLikelihoodG2(30, 10, 100, 100)).toBeCloseTo(12.97151, 4);
    expect(logLikelihoodG2(10, 10, 100, 100)).toBeCloseTo(0, 10);
    expect(logLikelihoodG2(5, 0, 50, 0)).toBe(0);
  });

  it('gives χ²(1) tail probabilities and Benjamini–Hochberg q-values', () => {
    expect(chiSquare1PValue(3.841459)).toBeCloseTo(0.05, 5);
    expect(chiSquare1PValue(6.634897)).toBeCloseTo(0.01, 5);
    expect(chiSquare1PValue(0)).toBe(1);
    // Sorted: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04 (monotone from the top).
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q[0]).toBeCloseTo(0.02);
    expect(q[1]).toBeCloseTo(0.04);
    expect(q[2]).toBeCloseTo(0.04);
    expect(q[3]).toBeCloseTo(0.02);
  });

  it('finds the term that rose, not the steady, falling or rare ones', () => {
    const totals = { period: 200, baseline: 600 };
    const words = hotWords(
      [
        { term: '积水', count: 40, baselineCount: 30 }, // 20 % against 5 %
        { term: '停电', count: 20, baselineCount: 20 }, // 10 % against 3.3 %
        { term: '物业', count: 20, baselineCount: 60 }, // steady at 10 %
        { term: '噪音', count: 5, baselineCount: 90 }, // fell from 15 % to 2.5 %
        { term: '井盖', count: 4, baselineCount: 0 }, // new, but under the minimum count
        { term: '路灯', count: 8, baselineCount: 18 }, // 4 % against 3 %: up, but not significantly
      ],
      totals,
      { minCount: 5 },
    );
    expect(words.map((w) => w.term)).toEqual(['积水', '停电']);
    const flood = words[0];
    expect(flood?.share).toBeCloseTo(0.2);
    expect(flood?.baselineShare).toBeCloseTo(0.05);
    expect(flood?.qValue).toBeLessThanOrEqual(0.05);
    expect(flood?.ratio).toBeCloseTo(0.2 / (30.5 / 600));
  });

  it('controls false discoveries when many terms are tested', () => {
    // 200 terms with the same share in both periods up to ±1 ticket: none may come out hot.
    const terms = Array.from({ length: 200 }, (_, i) => ({
      term: `t${i}`,
      count: 10 + (i % 3),
      baselineCount: 30,
    }));
    expect(hotWords(terms, { period: 1000, baseline: 3000 })).toEqual([]);
  });
});

describe('hot-word periods and cloud', () => {
  it('takes three periods of the same length just before as the baseline', () => {
    // 31 days × 3 = 93 days before 1 July: 30 June back to 30 March.
    expect(baselineRange({ from: '2025-07-01', to: '2025-07-31' })).toEqual({
      from: '2025-03-30',
      to: '2025-06-30',
    });
    expect(baselineRange({ from: '2025-03-10', to: '2025-03-10' })).toEqual({
      from: '2025-03-07',
      to: '2025-03-09',
    });
  });

  it('builds a horizontal word cloud sized by the square root of the count', () => {
    const option = wordCloudOption(
      [
        { term: '积水', weight: 64, ratio: 5 },
        { term: '停电', weight: 16, ratio: 1.6 },
      ],
      { tooltip: (w) => w.term },
    );
    const series = (
      option.series as unknown as {
        type: string;
        rotationRange: number[];
        data: { name: string; value: number; textStyle: { color: string } }[];
      }[]
    )[0];
    expect(series?.type).toBe('wordCloud');
    expect(series?.rotationRange).toEqual([0, 0]);
    expect(series?.data.map((d) => [d.name, d.value])).toEqual([
      ['积水', 8],
      ['停电', 4],
    ]);
    expect(series?.data[0]?.textStyle.color).not.toBe(series?.data[1]?.textStyle.color);
  });
});
