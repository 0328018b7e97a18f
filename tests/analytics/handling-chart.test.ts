import { describe, expect, it } from 'vitest';
import { bounceSankeyOption } from '@/app/ui/handling/bounce-sankey-option';
import type { BouncePair } from '@/lib/queries/handling-bounces';

const pair = (unitA: string, unitB: string, bouncedTickets: number): BouncePair => ({
  rank: 0,
  unitA,
  unitB,
  bouncedTickets,
  escalated: 0,
  averageDispatches: 2,
  categories: [],
});

describe('bounce Sankey option', () => {
  const option = bounceSankeyOption([pair('A', 'B', 9), pair('B', 'C', 4), pair('A', 'C', 2)], '件');
  const series = (
    option.series as {
      data: { name: string }[];
      links: { source: string; target: string; value: number }[];
    }[]
  )[0]!;

  it('has one node per unit and one band per pair, as wide as its bounced tickets', () => {
    expect(series.data.map((d) => d.name)).toEqual(['A', 'B', 'C']);
    expect(series.links).toEqual([
      { source: 'A', target: 'B', value: 9 },
      { source: 'B', target: 'C', value: 4 },
      { source: 'A', target: 'C', value: 2 },
    ]);
  });

  it('writes the names of units that only receive bands on their left, inside the chart', () => {
    expect(series.data.find((d) => d.name === 'C')).toEqual({ name: 'C', label: { position: 'left' } });
    expect(series.data.find((d) => d.name === 'A')).toEqual({ name: 'A' });
  });

  it('draws every band from the earlier name to the later one, so the graph has no cycle', () => {
    expect(series.links.every((l) => l.source < l.target)).toBe(true);
  });
});
