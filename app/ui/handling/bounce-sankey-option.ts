import type { EChartsOption } from 'echarts';
import type { BouncePair } from '@/lib/queries/handling-bounces';

/**
 * The bounce pairs as a Sankey: each unit a node, each pair a band as wide as the tickets bounced between them.
 * Pairs are unordered and stored in name order, so every band runs from the earlier name to the later one and the
 * graph has no cycle (ECharts' Sankey needs none). Pure: (pairs, labels) → option.
 */
export function bounceSankeyOption(pairs: readonly BouncePair[], tooltipUnit: string): EChartsOption {
  const units = [...new Set(pairs.flatMap((p) => [p.unitA, p.unitB]))];
  // Units that only receive bands end up in the last columns: their names go on the left, inside the chart.
  const sources = new Set(pairs.map((p) => p.unitA));
  return {
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
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        nodeGap: 10,
        emphasis: { focus: 'adjacency' },
        data: units.map((name) => (sources.has(name) ? { name } : { name, label: { position: 'left' } })),
        links: pairs.map((p) => ({ source: p.unitA, target: p.unitB, value: p.bouncedTickets })),
        lineStyle: { color: 'gradient', opacity: 0.45 },
        label: { fontSize: 12 },
      },
    ],
  };
}
