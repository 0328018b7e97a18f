import { describe, expect, it } from 'vitest';
import { bounceSankey, sankeyColumns } from '@/app/ui/handling/bounce-sankey-option';
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

interface SankeySeries {
  right: number;
  nodeGap: number;
  data: { name: string; depth: number }[];
  links: { source: string; target: string; value: number }[];
  label: { position: string; fontSize: number; lineHeight: number; width: number; overflow: string };
}

const seriesOf = (pairs: BouncePair[], width = 480, fontSize = 12) => {
  const { option, height } = bounceSankey(pairs, { width, fontSize }, '件');
  return { series: (option.series as SankeySeries[])[0]!, height };
};

describe('bounce Sankey option', () => {
  const triangle = [pair('A', 'B', 9), pair('B', 'C', 4), pair('A', 'C', 2)];
  const { series } = seriesOf(triangle);

  it('has one node per unit and one band per pair, as wide as its bounced tickets', () => {
    expect(series.data.map((d) => d.name)).toEqual(['A', 'B', 'C']);
    const bands = series.links.map((l) => ({ units: [l.source, l.target].sort().join('⇄'), value: l.value }));
    expect(bands).toEqual([
      { units: 'A⇄B', value: 9 },
      { units: 'B⇄C', value: 4 },
      { units: 'A⇄C', value: 2 },
    ]);
  });

  it('puts the two units of every pair in different columns and runs every band rightwards, so there is no cycle', () => {
    const depth = new Map(series.data.map((d) => [d.name, d.depth]));
    for (const link of series.links) expect(depth.get(link.source)!).toBeLessThan(depth.get(link.target)!);
    // The unit with the most bounced tickets (B: 13) takes the first column.
    expect(depth.get('B')).toBe(0);
  });

  it('needs no more columns than the pairs force: a chain of pairs takes two, not one per link', () => {
    const chain = [
      pair('a', 'b', 5),
      pair('b', 'c', 4),
      pair('c', 'd', 3),
      pair('d', 'e', 2),
      pair('e', 'f', 1),
    ];
    expect(new Set(sankeyColumns(chain).values()).size).toBe(2);
  });

  it('cuts every name to the room before the next column, and keeps the last column that room at the right', () => {
    // Three columns in 480 px: (480 − 2 × 11) / 3 − 12 = 140 px for each column's names.
    expect(series.right).toBe(11 + 140);
    expect(series.label).toMatchObject({ position: 'right', width: 130, overflow: 'truncate' });
  });

  it('keeps the nodes of a column a line of text apart, and grows with the units in the fullest column', () => {
    expect(series.nodeGap).toBeGreaterThanOrEqual(series.label.lineHeight);
    expect(seriesOf(triangle, 480, 16).series.nodeGap).toBeGreaterThan(series.nodeGap);
    const star = (n: number) => Array.from({ length: n }, (_, i) => pair('hub', `unit${i}`, 10));
    expect(seriesOf(star(12)).height).toBeGreaterThan(seriesOf(star(4)).height);
    const { series: wide, height } = seriesOf(star(12));
    expect(height).toBeGreaterThanOrEqual(11 * wide.nodeGap);
  });
});
