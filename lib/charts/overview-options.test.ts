import { describe, expect, it } from 'vitest';
import type { CategoryShareRow } from '../queries/category-shares';
import { categoryTree } from './category-treemap-option';
import { rankedBarOption } from './ranked-bar-option';
import { volumeTrendOption } from './volume-trend-option';

const row = (l1: string | null, l2: string | null, tickets: number): CategoryShareRow => ({
  l1,
  l1Zh: l1 ? `类${l1}` : null,
  l1En: null,
  l2,
  l2Zh: l2 ? `类${l2}` : null,
  l2En: null,
  tickets,
  previous: 0,
});

describe('overview chart options', () => {
  it('nests categories first level → second level, biggest first, with the code a click filters on', () => {
    const tree = categoryTree(
      [row('02', '0201', 5), row('01', '0101', 3), row('01', '0102', 4), row(null, null, 2)],
      {
        l1Name: (r) => r.l1Zh ?? '未分类',
        l2Name: (r) => r.l2Zh ?? r.l1Zh ?? '未分类',
        tooltip: () => '',
      },
    );
    expect(tree.map((n) => [n.name, n.value, n.code])).toEqual([
      ['类01', 7, '01'],
      ['类02', 5, '02'],
      ['未分类', 2, null],
    ]);
    expect(tree[0]?.children?.map((c) => c.code)).toEqual(['0102', '0101']);
    expect(tree[2]?.children?.[0]?.code).toBeNull();
  });

  it('draws this period and last year as two lines on the same steps', () => {
    const option = volumeTrendOption(
      [
        { period: '2025-07-01', tickets: 10, lastYear: 8 },
        { period: '2025-07-02', tickets: 12, lastYear: 0 },
      ],
      { current: '本期', lastYear: '去年同期', period: (p) => p.slice(5) },
    );
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['本期', [10, 12]],
      ['去年同期', [8, 0]],
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['07-01', '07-02']);
  });

  it('ranks bars with the biggest on top', () => {
    const option = rankedBarOption(
      [
        { key: 'a', name: 'A', value: 9 },
        { key: 'b', name: 'B', value: 4 },
      ],
      { colour: '#000', valueName: 'n' },
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['B', 'A']);
  });
});
