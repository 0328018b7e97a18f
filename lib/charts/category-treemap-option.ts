import type { EChartsOption } from 'echarts';
import type { CategoryShareRow } from '../queries/category-shares';
import { SERIES_COLOURS } from './palette';

export interface CategoryTreemapLabels {
  /** The name shown for a category (zh or en), given the row's names; null codes are 未分类. */
  l1Name: (row: CategoryShareRow) => string;
  l2Name: (row: CategoryShareRow) => string;
  tooltip: (name: string, tickets: number, share: number) => string;
}

/** A treemap node: `code` is what a click filters on (first- or second-level category). */
export interface CategoryNode {
  name: string;
  value: number;
  code: string | null;
  children?: CategoryNode[];
}

/** Nests category rows as first level → second level, biggest first. */
export function categoryTree(rows: CategoryShareRow[], labels: CategoryTreemapLabels): CategoryNode[] {
  const byL1 = new Map<string, CategoryNode>();
  for (const row of rows) {
    const key = row.l1 ?? '';
    let parent = byL1.get(key);
    if (!parent) {
      parent = { name: labels.l1Name(row), value: 0, code: row.l1, children: [] };
      byL1.set(key, parent);
    }
    parent.value += row.tickets;
    parent.children?.push({ name: labels.l2Name(row), value: row.tickets, code: row.l2 ?? row.l1 });
  }
  const nodes = [...byL1.values()].sort((a, b) => b.value - a.value);
  for (const node of nodes) node.children?.sort((a, b) => b.value - a.value);
  return nodes;
}

/** A two-level treemap of category shares; clicking a block filters to that category. */
export function categoryTreemapOption(
  rows: CategoryShareRow[],
  labels: CategoryTreemapLabels,
): EChartsOption {
  const tree = categoryTree(rows, labels);
  const total = tree.reduce((sum, n) => sum + n.value, 0);
  return {
    color: SERIES_COLOURS,
    tooltip: {
      formatter: (info: unknown) => {
        const { name, value } = info as { name: string; value: number };
        return labels.tooltip(name, value, total > 0 ? value / total : 0);
      },
    },
    series: [
      {
        type: 'treemap',
        data: tree,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        upperLabel: { show: true, height: 22, color: '#fff', fontWeight: 'bold' },
        label: { show: true, formatter: '{b}' },
        levels: [
          { itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 } },
          {
            colorSaturation: [0.35, 0.6],
            itemStyle: { borderColorSaturation: 0.7, gapWidth: 1, borderWidth: 1 },
          },
        ],
      },
    ],
  };
}
