import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import type { MetricTrendPoint } from '../queries/metric-trend';
import {
  type MetricTrendLabels,
  type MetricTrendLine,
  metricTrendOption,
  niceCeil,
} from './metric-trend-option';
import {
  ANOMALY_HIGH_COLOUR,
  ANOMALY_LOW_COLOUR,
  CURRENT_COLOUR,
  PAST_COLOUR,
  SERIES_COLOURS,
} from './palette';

const LABELS: MetricTrendLabels = {
  period: (s) => s.slice(5),
  periodLong: (s) => `week of ${s}`,
  value: (v) => (v === null ? '—' : String(v)),
  range: (lower, upper) => `${lower}–${upper}`,
  axisValue: String,
  count: String,
  expectedRange: 'Expected',
  high: 'High',
  low: 'Low',
  partial: 'partial',
};

const PERIODS = ['2025-06-02', '2025-06-09', '2025-06-16', '2025-06-23'];

/** A point with an expected range of 10 ± 4 unless told otherwise. */
function point(
  period: string,
  value: number | null,
  extra: Partial<MetricTrendPoint> = {},
): MetricTrendPoint {
  return {
    period,
    value,
    n: value ?? 0,
    partial: false,
    expected: 10,
    lower: 6,
    upper: 14,
    anomaly: null,
    ...extra,
  };
}

const FLOOD: MetricTrendLine = {
  key: '0104',
  name: 'Street flooding',
  points: [
    point(PERIODS[0]!, 4, { partial: true }),
    point(PERIODS[1]!, 11),
    point(PERIODS[2]!, 30, { anomaly: 'high' }),
    point(PERIODS[3]!, 2, { anomaly: 'low', lower: null, upper: null, expected: null }),
  ],
};

const series = (option: ReturnType<typeof metricTrendOption>) => option.series as LineSeriesOption[];
const byId = (option: ReturnType<typeof metricTrendOption>, id: string) => {
  const found = series(option).find((s) => s.id === id);
  if (!found) throw new Error(`no series ${id}`);
  return found;
};
const values = (s: LineSeriesOption) =>
  (s.data as unknown[]).map((d) =>
    d !== null && typeof d === 'object' ? (d as { value: unknown }).value : d,
  );

describe('metricTrendOption', () => {
  it('draws a lone line with its expected band, its anomalies as markers and its partial period dashed', () => {
    const option = metricTrendOption({ periods: PERIODS, lines: [FLOOD] }, { unit: 'count', labels: LABELS });
    expect(series(option).map((s) => s.id)).toEqual([
      'band:lower',
      'band:width',
      'band:expected',
      'line:0104',
      'partial:0104',
    ]);
    // The band: lower bound, then the stacked width up to the upper bound; no range, no band.
    expect(values(byId(option, 'band:lower'))).toEqual([6, 6, 6, null]);
    expect(values(byId(option, 'band:width'))).toEqual([8, 8, 8, null]);
    expect(byId(option, 'band:width').stack).toBe(byId(option, 'band:lower').stack);
    expect(byId(option, 'band:width').areaStyle).toBeDefined();
    expect(values(byId(option, 'band:expected'))).toEqual([10, 10, 10, null]);

    // The solid line leaves the partial period out; the dashed one draws it and joins the next point.
    const line = byId(option, 'line:0104');
    expect(values(line)).toEqual([null, 11, 30, 2]);
    expect(line.lineStyle?.color).toBe(CURRENT_COLOUR);
    const partial = byId(option, 'partial:0104');
    expect(values(partial)).toEqual([4, 11, null, null]);
    expect(partial.lineStyle?.type).toBe('dashed');
    expect(partial.name).toBe(line.name);

    const markers = line.markPoint?.data as unknown as {
      coord: [number, number];
      symbolRotate: number;
      itemStyle: { color: string };
      key: string;
    }[];
    expect(markers.map((m) => [m.coord, m.symbolRotate, m.itemStyle.color, m.key])).toEqual([
      [[2, 30], 0, ANOMALY_HIGH_COLOUR, '0104'],
      [[3, 2], 180, ANOMALY_LOW_COLOUR, '0104'],
    ]);
    expect(option.legend).toMatchObject({ data: ['Street flooding', { name: 'Expected' }] });
    expect(option.yAxis).toMatchObject({ scale: false, minInterval: 1, max: undefined });
  });

  it('fits the y axis to the values when the band is far wider than them', () => {
    const wide = {
      ...FLOOD,
      points: FLOOD.points.map((p) => ({ ...p, upper: p.upper === null ? null : 330 })),
    };
    const option = metricTrendOption({ periods: PERIODS, lines: [wide] }, { unit: 'count', labels: LABELS });
    // The values reach 30: 30 × 1.1 rounds up to 50.
    expect(option.yAxis).toMatchObject({ max: 50 });
    expect(niceCeil(0.93)).toBe(1);
    expect(niceCeil(23)).toBe(25);
    expect(niceCeil(2000)).toBe(2000);
  });

  it('draws one line per series without a band, each with its own anomalies, "other" in grey', () => {
    const lines: MetricTrendLine[] = [
      { key: '12345热线', name: '12345热线', points: PERIODS.map((p) => point(p, 20)) },
      {
        key: 'App',
        name: 'App',
        points: PERIODS.map((p, i) => point(p, i === 1 ? 40 : 9, { anomaly: i === 1 ? 'high' : null })),
      },
      { key: '__other__', name: 'Other', points: PERIODS.map((p) => point(p, 1)), muted: true },
    ];
    const option = metricTrendOption({ periods: PERIODS, lines }, { unit: 'share', labels: LABELS });
    expect(series(option).map((s) => s.id)).toEqual(['line:12345热线', 'line:App', 'line:__other__']);
    expect(series(option).map((s) => s.lineStyle?.color)).toEqual([
      SERIES_COLOURS[0],
      SERIES_COLOURS[1],
      PAST_COLOUR,
    ]);
    expect(byId(option, 'line:12345热线').markPoint).toBeUndefined();
    expect((byId(option, 'line:App').markPoint!.data as { coord: unknown }[]).map((m) => m.coord)).toEqual([
      [1, 40],
    ]);
    expect(option.legend).toMatchObject({ data: ['12345热线', 'App', 'Other'] });
    expect(option.yAxis).toMatchObject({ scale: true });
  });

  it('writes a tooltip row per shown series with value, n, expected range and anomaly, escaping names', () => {
    const line = { ...FLOOD, name: '<b>Flood</b>' };
    const option = metricTrendOption({ periods: PERIODS, lines: [line] }, { unit: 'count', labels: LABELS });
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter([
      { seriesId: 'band:lower', dataIndex: 2 },
      { seriesId: 'line:0104', dataIndex: 2 },
    ]);
    expect(html).toContain('week of 2025-06-16');
    expect(html).toContain('&#60;b&#62;Flood&#60;/b&#62; <b>30</b> (n=30) · Expected 6–14');
    expect(html).toContain('▲ High');
    expect(formatter([{ seriesId: 'partial:0104', dataIndex: 0 }])).toContain('(partial)');
    expect(formatter([{ seriesId: 'band:lower', dataIndex: 0 }])).not.toContain('Flood');
  });

  it('adds a zoom slider only beyond 120 periods', () => {
    const days = Array.from({ length: 121 }, (_, i) => `2025-01-${String(i).padStart(3, '0')}`);
    const long = { key: '__all__', name: 'All', points: days.map((d) => point(d, 5)) };
    expect(
      metricTrendOption({ periods: days, lines: [long] }, { unit: 'count', labels: LABELS }).dataZoom,
    ).toHaveLength(2);
    expect(
      metricTrendOption({ periods: PERIODS, lines: [FLOOD] }, { unit: 'count', labels: LABELS }).dataZoom,
    ).toBeUndefined();
  });
});
