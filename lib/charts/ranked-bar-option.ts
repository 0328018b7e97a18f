import type { EChartsOption } from 'echarts';

/** One bar of a ranked horizontal bar chart; `key` is what a click filters on. */
export interface RankedBar {
  key: string | null;
  name: string;
  value: number;
  /** Text after the bar (e.g. "+29（+171%）"). */
  note?: string;
}

/**
 * Horizontal bars ranked top to bottom (rising categories, districts, departments). The biggest bar is at the top,
 * which ECharts draws last, so the data is reversed.
 */
export function rankedBarOption(
  bars: RankedBar[],
  options: { colour: string; valueName: string },
): EChartsOption {
  const ordered = [...bars].reverse();
  return {
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: ordered.map((b) => b.name),
      axisTick: { show: false },
      axisLine: { show: false },
    },
    series: [
      {
        name: options.valueName,
        type: 'bar',
        data: ordered.map((b) => ({ value: b.value, key: b.key, note: b.note })),
        itemStyle: { color: options.colour, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          formatter: (p: unknown) => {
            const d = (p as { data: { value: number; note?: string } }).data;
            return d.note ?? String(d.value);
          },
        },
      },
    ],
  };
}
