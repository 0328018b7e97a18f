import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { ForecastBacktestPoint, ForecastPoint, SeasonalProfileMonth } from '../queries/forecast-view';
import { CURRENT_COLOUR, PAST_COLOUR, RISE_COLOUR } from './palette';

/** Words the charts need, in the reader's language. */
export interface ForecastChartLabels {
  period: (start: string) => string;
  count: (value: number) => string;
  actual: string;
  forecast: string;
  band80: string;
  band95: string;
}

/** What happened: dark slate, so the forecast's blue reads as the model's. */
const ACTUAL_COLOUR = '#334155';
const BAND95 = 'rgba(37, 99, 235, 0.12)';
const BAND80 = 'rgba(37, 99, 235, 0.22)';

/** A band as two stacked invisible-bottom lines: the lower edge, then the width on top, shaded. */
function band(id: string, name: string, lower: (number | null)[], upper: (number | null)[], colour: string) {
  // The legend draws a band's key in the colour of the first series of its name: both carry the band's colour.
  const hidden = {
    symbol: 'none',
    lineStyle: { opacity: 0 },
    itemStyle: { color: colour },
    silent: true,
    z: 1,
  } as const;
  return [
    { id: `${id}:lower`, name, type: 'line', stack: id, data: lower, ...hidden, tooltip: { show: false } },
    {
      id: `${id}:width`,
      name,
      type: 'line',
      stack: id,
      data: upper.map((u, i) => (u === null || lower[i] === null ? null : u - lower[i]!)),
      areaStyle: { color: colour },
      ...hidden,
      tooltip: { show: false },
    },
  ] satisfies LineSeriesOption[];
}

/**
 * History and forecast of one series: the actual counts as a solid line, the forecast dashed from the last actual,
 * with its 80% and 95% intervals as nested bands. The y axis starts at 0 (counts).
 */
export function forecastOption(points: readonly ForecastPoint[], labels: ForecastChartLabels): EChartsOption {
  const periods = points.map((p) => p.periodStart);
  const lastHistory = points.map((p) => p.kind).lastIndexOf('history');
  const actual = points.map((p) => (p.kind === 'history' ? p.actual : null));
  // The forecast line starts at the last actual so the two read as one path.
  const mean = points.map((p, i) => (p.kind === 'forecast' ? p.mean : i === lastHistory ? p.actual : null));
  const pick = (key: 'lo80' | 'hi80' | 'lo95' | 'hi95') =>
    points.map((p) => (p.kind === 'forecast' ? p[key] : null));
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    legend: {
      top: 0,
      data: [
        labels.actual,
        labels.forecast,
        { name: labels.band80, icon: 'rect' },
        { name: labels.band95, icon: 'rect' },
      ],
    },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? labels.count(v) : '—'),
    },
    xAxis: { type: 'category', data: periods, axisLabel: { formatter: (v: string) => labels.period(v) } },
    yAxis: { type: 'value', min: 0 },
    series: [
      ...band('band95', labels.band95, pick('lo95'), pick('hi95'), BAND95),
      ...band('band80', labels.band80, pick('lo80'), pick('hi80'), BAND80),
      {
        id: 'actual',
        name: labels.actual,
        type: 'line',
        data: actual,
        showSymbol: false,
        lineStyle: { color: ACTUAL_COLOUR, width: 2 },
        itemStyle: { color: ACTUAL_COLOUR },
        z: 3,
      },
      {
        id: 'forecast',
        name: labels.forecast,
        type: 'line',
        data: mean,
        showSymbol: false,
        lineStyle: { color: CURRENT_COLOUR, width: 2, type: 'dashed' },
        itemStyle: { color: CURRENT_COLOUR },
        z: 3,
      },
    ],
  };
}

export interface BacktestChartLabels {
  period: (start: string) => string;
  count: (value: number) => string;
  actual: string;
  predicted: string;
}

/**
 * The backtest: what happened (solid) and, from each origin, what the chosen model forecast then (thin lines, one
 * per origin, all under one legend entry), so a reader sees how far off it was and whether it saw the turns.
 */
export function backtestOption(
  backtests: readonly ForecastBacktestPoint[],
  labels: BacktestChartLabels,
): EChartsOption {
  const periods = [...new Set(backtests.map((b) => b.periodStart))].sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const actual: (number | null)[] = periods.map(() => null);
  const origins = new Map<string, (number | null)[]>();
  for (const b of backtests) {
    const i = index.get(b.periodStart)!;
    actual[i] = b.actual;
    let path = origins.get(b.origin);
    if (!path) {
      path = periods.map(() => null);
      origins.set(b.origin, path);
    }
    path[i] = b.predicted;
  }
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    legend: { top: 0, data: [labels.actual, labels.predicted] },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? labels.count(v) : '—') },
    xAxis: { type: 'category', data: periods, axisLabel: { formatter: (v: string) => labels.period(v) } },
    yAxis: { type: 'value', min: 0 },
    series: [
      ...[...origins.entries()].map(
        ([origin, data]): LineSeriesOption => ({
          id: `origin:${origin}`,
          name: labels.predicted,
          type: 'line',
          data,
          showSymbol: false,
          connectNulls: false,
          lineStyle: { color: CURRENT_COLOUR, width: 1, opacity: 0.55 },
          itemStyle: { color: CURRENT_COLOUR },
        }),
      ),
      {
        id: 'actual',
        name: labels.actual,
        type: 'line',
        data: actual,
        showSymbol: true,
        symbolSize: 4,
        lineStyle: { color: ACTUAL_COLOUR, width: 2 },
        itemStyle: { color: ACTUAL_COLOUR },
        z: 3,
      },
    ],
  };
}

/** Months at or above this index are drawn as high. */
export const HIGH_MONTH_INDEX = 1.2;

/**
 * The seasonal profile: each month's average appeals as a share of the average month (1 = normal), high months
 * (≥ HIGH_MONTH_INDEX) in the rise colour, with a line at 1.
 */
export function seasonalProfileOption(
  months: readonly SeasonalProfileMonth[],
  labels: { month: (m: number) => string; index: (value: number) => string },
): EChartsOption {
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? labels.index(v) : '—') },
    xAxis: { type: 'category', data: months.map((m) => labels.month(m.month)) },
    yAxis: { type: 'value', min: 0 },
    series: [
      {
        id: 'profile',
        type: 'bar',
        data: months.map((m) => ({
          value: m.index,
          itemStyle: { color: m.index >= HIGH_MONTH_INDEX ? RISE_COLOUR : PAST_COLOUR },
        })),
        markLine: { silent: true, symbol: 'none', data: [{ yAxis: 1 }], lineStyle: { type: 'dashed' } },
      },
    ],
  };
}
