import type { EChartsOption } from 'echarts';
import type { VolumeTrendPoint } from '../queries/volume-trend';
import { CURRENT_COLOUR, PAST_COLOUR } from './palette';

export interface VolumeTrendLabels {
  current: string;
  lastYear: string;
  /** Formats a period start for the axis ("7月1日", "1 Jul"). */
  period: (start: string) => string;
}

/** Appeals per step in the range as a line, with last year's same steps as a dashed grey line beneath it. */
export function volumeTrendOption(points: VolumeTrendPoint[], labels: VolumeTrendLabels): EChartsOption {
  return {
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.current, labels.lastYear] },
    xAxis: { type: 'category', data: points.map((p) => labels.period(p.period)), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: labels.current,
        type: 'line',
        data: points.map((p) => p.tickets),
        showSymbol: points.length <= 40,
        lineStyle: { width: 2.5, color: CURRENT_COLOUR },
        itemStyle: { color: CURRENT_COLOUR },
        areaStyle: { color: 'rgba(37, 99, 235, 0.08)' },
      },
      {
        name: labels.lastYear,
        type: 'line',
        data: points.map((p) => p.lastYear),
        showSymbol: false,
        lineStyle: { width: 1.5, type: 'dashed', color: PAST_COLOUR },
        itemStyle: { color: PAST_COLOUR },
      },
    ],
  };
}
