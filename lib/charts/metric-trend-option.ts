import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { MetricTrendPoint } from '../queries/metric-trend';
import type { KpiDefinition } from '../sql/kpis';
import {
  ANOMALY_HIGH_COLOUR,
  ANOMALY_LOW_COLOUR,
  CURRENT_COLOUR,
  PAST_COLOUR,
  SERIES_COLOURS,
} from './palette';

/** One line of the chart: a series of the trend, named in the reader's language. */
export interface MetricTrendLine {
  key: string;
  name: string;
  /** One point per period of the trend, in period order. */
  points: MetricTrendPoint[];
  /** Drawn grey: "other" and "unclassified" are leftovers, not one thing to compare with the rest. */
  muted?: boolean;
}

export interface MetricTrendLabels {
  /** A period start as the axis writes it. */
  period: (start: string) => string;
  /** A period start as the tooltip writes it (with the year, "week of …"). */
  periodLong: (start: string) => string;
  /** A KPI value in its unit: a count, a percentage, hours; null is "—". */
  value: (value: number | null) => string;
  /** An expected range, lower–upper (both known). */
  range: (lower: number, upper: number) => string;
  /** A value on the y axis. */
  axisValue: (value: number) => string;
  /** The denominator ("n=") as a count. */
  count: (n: number) => string;
  expectedRange: string;
  high: string;
  low: string;
  partial: string;
}

/** What a click on a line's point or on an anomaly marker reports as `data`: the series it belongs to. */
export interface TrendPointDatum {
  value: number | null;
  key: string;
  period: string;
}

/** Series ids: the tooltip tells lines and their dashed partial ends from the band by them. */
const LINE_ID = 'line:';
const PARTIAL_ID = 'partial:';
const BAND_COLOUR = 'rgba(100, 116, 139, 0.18)';

/** The series key of a line's series id (solid or dashed); null for the band. */
function lineKey(id: string): string | null {
  for (const prefix of [LINE_ID, PARTIAL_ID]) if (id.startsWith(prefix)) return id.slice(prefix.length);
  return null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Colours in the palette's order, skipping muted lines; a single line gets the dashboard's "this period" blue. */
export function lineColours(lines: readonly MetricTrendLine[]): string[] {
  let next = 0;
  return lines.map((line) =>
    line.muted
      ? PAST_COLOUR
      : lines.length === 1
        ? CURRENT_COLOUR
        : SERIES_COLOURS[next++ % SERIES_COLOURS.length]!,
  );
}

/** A line's anomalies as triangles on its points: ▲ red above the expected range, ▼ blue below it. */
function anomalyMarkers(line: MetricTrendLine) {
  return line.points.flatMap((p, i) => {
    if (!p.anomaly || p.value === null) return [];
    const high = p.anomaly === 'high';
    const colour = high ? ANOMALY_HIGH_COLOUR : ANOMALY_LOW_COLOUR;
    return [
      {
        name: p.period,
        coord: [i, p.value],
        symbol: 'triangle',
        symbolRotate: high ? 0 : 180,
        symbolSize: 13,
        itemStyle: { color: colour, borderColor: '#fff', borderWidth: 1.5 },
        key: line.key,
        period: p.period,
      },
    ];
  });
}

function lineSeries(line: MetricTrendLine, colour: string, showSymbol: boolean): LineSeriesOption[] {
  const datum = (p: MetricTrendPoint, value: number | null): TrendPointDatum => ({
    value,
    key: line.key,
    period: p.period,
  });
  const markers = anomalyMarkers(line);
  // The dashed stretch: partial periods and their direct neighbours, so the dash joins the solid line.
  const dashed = line.points.map(
    (p, i) => p.partial || !!line.points[i - 1]?.partial || !!line.points[i + 1]?.partial,
  );
  const style = { color: colour, width: line.muted ? 1.5 : 2.25 };
  return [
    {
      id: `${LINE_ID}${line.key}`,
      name: line.name,
      type: 'line',
      data: line.points.map((p) => datum(p, p.partial ? null : p.value)),
      showSymbol,
      symbolSize: 5,
      // A click anywhere on the line reports the series, even where no symbol is drawn (long daily charts).
      triggerLineEvent: true,
      lineStyle: style,
      itemStyle: { color: colour },
      z: 3,
      markPoint: markers.length > 0 ? { data: markers, label: { show: false }, z: 5 } : undefined,
    },
    ...(line.points.some((p) => p.partial)
      ? [
          {
            id: `${PARTIAL_ID}${line.key}`,
            // The same name as the line: the legend shows one entry and toggles both.
            name: line.name,
            type: 'line' as const,
            data: line.points.map((p, i) => datum(p, dashed[i] ? p.value : null)),
            symbol: 'emptyCircle',
            symbolSize: (_: unknown, params: { dataIndex: number }) =>
              line.points[params.dataIndex]?.partial ? 7 : 0,
            showSymbol: true,
            lineStyle: { ...style, type: 'dashed' as const },
            itemStyle: { color: colour },
            z: 3,
          },
        ]
      : []),
  ];
}

/** The expected range of a lone line as a shaded band (lower + stacked width) with the expected value dotted inside. */
function bandSeries(line: MetricTrendLine, name: string): LineSeriesOption[] {
  const hidden = { lineStyle: { opacity: 0 }, symbol: 'none', silent: true, z: 1 } as const;
  const ranged = (p: MetricTrendPoint) => p.lower !== null && p.upper !== null;
  return [
    { id: 'band:lower', name, type: 'line', stack: 'band', data: line.points.map((p) => p.lower), ...hidden },
    {
      id: 'band:width',
      name,
      type: 'line',
      stack: 'band',
      data: line.points.map((p) => (ranged(p) ? p.upper! - p.lower! : null)),
      areaStyle: { color: BAND_COLOUR },
      ...hidden,
    },
    {
      id: 'band:expected',
      name,
      type: 'line',
      data: line.points.map((p) => p.expected),
      symbol: 'none',
      silent: true,
      lineStyle: { color: PAST_COLOUR, width: 1, type: 'dotted' },
      z: 2,
    },
  ];
}

/** A round axis top at or above `value`: 1, 2, 2.5 or 5 × 10^k. */
export function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value - 1e-9) ?? 10;
  return step * power;
}

/**
 * The y axis top when the band would squash the line: a history with a seasonal surge in its window gives a band
 * many times the values (flooding's range after the flood months reaches 300 a month against values of 1–5). The axis
 * then fits the values and the expected value, and the band is cut at the top; otherwise ECharts chooses.
 */
function bandCappedMax(line: MetricTrendLine, unit: KpiDefinition['unit']): number | undefined {
  const shown = line.points.flatMap((p) => [p.value, p.expected]).filter((v): v is number => v !== null);
  const upper = Math.max(0, ...line.points.map((p) => p.upper ?? 0));
  const top = Math.max(0, ...shown);
  if (top <= 0 || upper <= 1.5 * top) return undefined;
  const max = niceCeil(top * 1.1);
  return unit === 'share' ? Math.min(1, max) : max;
}

/** One tooltip row: the series, its value with n, the expected range, and the anomaly or partial note. */
function tooltipRow(line: MetricTrendLine, colour: string, p: MetricTrendPoint, labels: MetricTrendLabels) {
  const range =
    p.lower !== null && p.upper !== null
      ? ` · ${labels.expectedRange} ${labels.range(p.lower, p.upper)}`
      : '';
  const anomaly =
    p.anomaly === 'high'
      ? ` <b style="color:${ANOMALY_HIGH_COLOUR}">▲ ${labels.high}</b>`
      : p.anomaly === 'low'
        ? ` <b style="color:${ANOMALY_LOW_COLOUR}">▼ ${labels.low}</b>`
        : '';
  const partial = p.partial ? ` <i>(${labels.partial})</i>` : '';
  return `<span style="color:${colour}">●</span> ${escapeHtml(line.name)} <b>${labels.value(p.value)}</b> (n=${labels.count(p.n)})${range}${anomaly}${partial}`;
}

/**
 * A KPI per period as one line per series. A lone line (no split, or a split filtered down to one value) gets its
 * expected range as a shaded band (cut at the top when it would squash the line); anomalies are triangles on their
 * line (▲ red high, ▼ blue low); partial periods are dashed with hollow points. Counts start the y axis at zero,
 * shares and hours zoom to their values. Long ranges (over 120 periods) get a zoom slider.
 */
export function metricTrendOption(
  trend: { periods: readonly string[]; lines: readonly MetricTrendLine[] },
  options: { unit: KpiDefinition['unit']; labels: MetricTrendLabels },
): EChartsOption {
  const { periods, lines } = trend;
  const { labels, unit } = options;
  const colours = lineColours(lines);
  const zoom = periods.length > 120;
  const band = lines.length === 1 && lines[0]!.points.some((p) => p.lower !== null && p.upper !== null);
  return {
    grid: { left: 8, right: 24, top: 40, bottom: zoom ? 48 : 8, containLabel: true },
    legend: {
      top: 0,
      type: 'scroll',
      data: [
        ...lines.map((l) => l.name),
        ...(band
          ? [{ name: labels.expectedRange, icon: 'roundRect', itemStyle: { color: BAND_COLOUR } }]
          : []),
      ],
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as { seriesId?: string; dataIndex: number }[];
        const index = params[0]?.dataIndex ?? 0;
        // The lines still shown (the legend may have hidden some), each once however many of its series answered.
        const shown = new Set(params.map((p) => lineKey(p.seriesId ?? '')));
        const rows = lines.flatMap((line, i) => {
          const point = line.points[index];
          return point && shown.has(line.key) ? [tooltipRow(line, colours[i]!, point, labels)] : [];
        });
        return [`<b>${escapeHtml(labels.periodLong(periods[index] ?? ''))}</b>`, ...rows].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: [...periods],
      boundaryGap: false,
      axisLabel: { formatter: (value: string) => labels.period(value), hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      scale: unit !== 'count',
      minInterval: unit === 'count' ? 1 : undefined,
      max: band ? bandCappedMax(lines[0]!, unit) : undefined,
      axisLabel: { formatter: (value: number) => labels.axisValue(value) },
    },
    dataZoom: zoom ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : undefined,
    series: [
      ...(band ? bandSeries(lines[0]!, labels.expectedRange) : []),
      // Points are drawn on short charts of few lines; on the rest they would hide the lines (hover still shows them).
      ...lines.flatMap((line, i) =>
        lineSeries(line, colours[i]!, periods.length <= (lines.length > 3 ? 24 : 60)),
      ),
    ],
  };
}
