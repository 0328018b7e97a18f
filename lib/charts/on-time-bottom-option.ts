import type { EChartsOption } from 'echarts';
import { PAST_COLOUR } from './palette';

/** One department's share of tickets closed on time (0–1) and how many tickets it had. */
export interface OnTimeDepartment {
  department: string;
  onTimeRate: number | null;
  tickets: number;
}

export interface OnTimeBottomLabels {
  seriesName: string;
  /** A rate as written beside its bar and on the axis ("49.1%"). */
  share: (rate: number) => string;
  /** The tooltip of one bar. */
  tooltip: (department: OnTimeDepartment) => string;
  /** The label of the dashed reference line ("各部门中位数 93.1%"). */
  median: (rate: number) => string;
}

/** The page's text colour, for a label beside a bar and the highlighted department. */
const INK = '#1d2733';

/** Below this rate a bar is too short for its label inside it. */
const SHORT_BAR = 0.15;

/** How many departments the chart shows. */
export const ON_TIME_BOTTOM_COUNT = 10;

/** The median of the rates (the middle department, or the mean of the middle two); null when there are none. */
export function medianRate(rates: number[]): number | null {
  if (rates.length === 0) return null;
  const sorted = [...rates].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The departments that close the smallest share of tickets on time, worst at the top, against a dashed line at the
 * median department. Bars below the median are drawn in `colour`, the others in grey. The caller passes only the
 * departments it ranks (enough tickets), so two late tickets of a township cannot fill the chart; departments
 * without a rate (nothing closed with a due time) are left out. Ties go to the department with more tickets.
 * Each bar's data item carries `department`, which a click filters on. A `highlight`ed department (the one the
 * dashboard is filtered to) is outlined and named in bold; when it is not among the worst it is added below them.
 */
export function onTimeBottomOption(
  departments: OnTimeDepartment[],
  options: { colour: string; labels: OnTimeBottomLabels; count?: number; highlight?: string },
): EChartsOption {
  const { colour, labels, count = ON_TIME_BOTTOM_COUNT, highlight } = options;
  const rated = departments.filter(
    (d): d is OnTimeDepartment & { onTimeRate: number } => d.onTimeRate !== null,
  );
  const median = medianRate(rated.map((d) => d.onTimeRate));
  const bottom = [...rated]
    .sort(
      (a, b) =>
        a.onTimeRate - b.onTimeRate || b.tickets - a.tickets || a.department.localeCompare(b.department),
    )
    .slice(0, count);
  const highlighted = rated.find((d) => d.department === highlight);
  if (highlighted && !bottom.includes(highlighted)) bottom.push(highlighted);
  // ECharts draws the first category at the bottom: reversed, the worst department is on top.
  const ordered = [...bottom].reverse();
  return {
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (info: unknown) => labels.tooltip((info as { data: OnTimeDepartment }).data),
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      interval: 0.25,
      axisLabel: { formatter: (value: number) => labels.share(value) },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((d) => d.department),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        formatter: (name: string) => (name === highlight ? `{highlight|${name}}` : name),
        rich: { highlight: { fontWeight: 'bold', color: INK } },
      },
    },
    series: [
      {
        name: labels.seriesName,
        type: 'bar',
        barMaxWidth: 18,
        data: ordered.map((d) => ({
          ...d,
          value: d.onTimeRate,
          itemStyle: {
            color: median !== null && d.onTimeRate < median ? colour : PAST_COLOUR,
            borderRadius: [0, 3, 3, 0],
            ...(d.department === highlight ? { borderColor: INK, borderWidth: 2 } : {}),
          },
          // A bar too short to hold its label gets it beside it, in ink.
          label: d.onTimeRate < SHORT_BAR ? { position: 'right' as const, color: INK } : undefined,
        })),
        // Inside the bar's end: beside it, labels of rates near the median would run into the dashed line.
        label: {
          show: true,
          position: 'insideRight',
          color: '#fff',
          formatter: (p: unknown) => labels.share((p as { value: number }).value),
        },
        markLine:
          median === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#475569' },
                label: { position: 'end', formatter: labels.median(median) },
                data: [{ xAxis: median }],
              },
      },
    ],
  };
}
