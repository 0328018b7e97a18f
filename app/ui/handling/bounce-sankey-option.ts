import type { EChartsOption } from 'echarts';
import type { BouncePair } from '@/lib/queries/handling-bounces';

/** What the Sankey is drawn into: the chart's width and the labels' font size (larger in 大字版). */
export interface SankeySize {
  width: number;
  fontSize: number;
}

const NODE_WIDTH = 12;
const LABEL_DISTANCE = 5;

/**
 * Columns for the units, so that the two units of every pair stand in different columns and there are few columns:
 * the units with the most bounced tickets first, each in the leftmost column none of its partners is in (greedy
 * colouring). A band runs from the lower column to the higher, so the graph has no cycle (ECharts' Sankey needs
 * none) and the pairs, which have no direction, need no more columns than a name order would give.
 */
export function sankeyColumns(pairs: readonly BouncePair[]): Map<string, number> {
  const tickets = new Map<string, number>();
  const partners = new Map<string, string[]>();
  for (const p of pairs) {
    for (const [unit, other] of [
      [p.unitA, p.unitB],
      [p.unitB, p.unitA],
    ] as const) {
      tickets.set(unit, (tickets.get(unit) ?? 0) + p.bouncedTickets);
      partners.set(unit, [...(partners.get(unit) ?? []), other]);
    }
  }
  const order = [...tickets.keys()].sort(
    (a, b) => (tickets.get(b) ?? 0) - (tickets.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const columns = new Map<string, number>();
  for (const unit of order) {
    const taken = new Set((partners.get(unit) ?? []).map((p) => columns.get(p)));
    let column = 0;
    while (taken.has(column)) column++;
    columns.set(unit, column);
  }
  return columns;
}

/**
 * The bounce pairs as a Sankey: each unit a node, each pair a band as wide as the tickets bounced between them, and
 * the chart's height for them. No two names overlap: every name is written right of its node and cut (…) to the
 * room before the next column (the last column gets the same room at the right edge), and nodes in a column are at
 * least a line of text apart, so the height grows with the units in the fullest column. Pure: (pairs, size) →
 * option; the tooltip gives the full names.
 */
export function bounceSankey(
  pairs: readonly BouncePair[],
  size: SankeySize,
  tooltipUnit: string,
): { option: EChartsOption; height: number } {
  const columns = sankeyColumns(pairs);
  const units = [...new Set(pairs.flatMap((p) => [p.unitA, p.unitB]))];
  const columnCount = Math.max(...columns.values()) + 1;
  const fullest = Math.max(
    ...Array.from({ length: columnCount }, (_, c) => [...columns.values()].filter((v) => v === c).length),
  );
  const line = Math.ceil(size.fontSize * 1.4);
  const nodeGap = line + 4;
  const margin = Math.ceil(line / 2) + 2;
  // Each column owns its node and the room for names after it: the chart's width split evenly.
  const room = Math.max(0, Math.floor((size.width - 2 * margin) / columnCount) - NODE_WIDTH);
  const height = Math.max(240, 2 * margin + (fullest - 1) * nodeGap + fullest * 24 + 60);
  const columnOf = (unit: string) => columns.get(unit) ?? 0;
  return {
    height,
    option: {
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const item = p as {
            dataType?: string;
            data: { source?: string; target?: string; value?: number; name?: string };
          };
          return item.dataType === 'edge'
            ? `${item.data.source} ⇄ ${item.data.target}: ${item.data.value} ${tooltipUnit}`
            : (item.data.name ?? '');
        },
      },
      series: [
        {
          type: 'sankey',
          left: margin,
          right: margin + room,
          top: margin,
          bottom: margin,
          nodeWidth: NODE_WIDTH,
          nodeGap,
          emphasis: { focus: 'adjacency' },
          data: units.map((name) => ({ name, depth: columnOf(name) })),
          links: pairs.map((p) => {
            const [source, target] =
              columnOf(p.unitA) < columnOf(p.unitB) ? [p.unitA, p.unitB] : [p.unitB, p.unitA];
            return { source, target, value: p.bouncedTickets };
          }),
          lineStyle: { color: 'gradient', opacity: 0.45 },
          label: {
            position: 'right',
            distance: LABEL_DISTANCE,
            fontSize: size.fontSize,
            lineHeight: line,
            width: Math.max(0, room - 2 * LABEL_DISTANCE),
            overflow: 'truncate',
            ellipsis: '…',
            // A white halo keeps a name readable where it crosses a band.
            textBorderColor: '#fff',
            textBorderWidth: 3,
          },
        },
      ],
    },
  };
}
