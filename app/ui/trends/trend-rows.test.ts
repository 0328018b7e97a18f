import { describe, expect, it } from 'vitest';
import type { MetricTrendRow } from '@/lib/queries/metric-trend';
import { trendFromRows } from './trend-rows';

const VIEW = { metric: 'appeals', grain: 'month', split: 'channel' } as const;

function row(
  key: string,
  period: string,
  value: number | null,
  extra: Partial<MetricTrendRow> = {},
): MetricTrendRow {
  return {
    key,
    name: key === '__other__' ? '其他' : key,
    nameEn: key === '__other__' ? 'Other' : key,
    period,
    value,
    n: value ?? 0,
    expected: null,
    lower: null,
    upper: null,
    anomaly: null,
    partial: false,
    ...extra,
  };
}

describe('trendFromRows', () => {
  it('regroups flat rows into series in row order, each with its points and the shared periods', () => {
    const rows = [
      row('12345热线', '2025-06-01', 120, { expected: 100, lower: 80, upper: 125 }),
      row('12345热线', '2025-07-01', 160, { expected: 100, lower: 80, upper: 125, anomaly: 'high' }),
      row('App', '2025-06-01', 30),
      row('App', '2025-07-01', 12, { partial: true }),
      row('__other__', '2025-06-01', 3),
      row('__other__', '2025-07-01', null),
    ];
    const trend = trendFromRows(rows, VIEW);
    expect(trend).toMatchObject(VIEW);
    expect(trend.periods).toEqual(['2025-06-01', '2025-07-01']);
    expect(trend.series.map((s) => [s.key, s.name, s.nameEn, s.points.length])).toEqual([
      ['12345热线', '12345热线', '12345热线', 2],
      ['App', 'App', 'App', 2],
      ['__other__', '其他', 'Other', 2],
    ]);
    expect(trend.series[0]!.points[1]).toEqual({
      period: '2025-07-01',
      value: 160,
      n: 160,
      expected: 100,
      lower: 80,
      upper: 125,
      anomaly: 'high',
      partial: false,
    });
    expect(trend.series[1]!.points[1]).toMatchObject({ value: 12, partial: true });
    expect(trend.series[2]!.points[1]).toMatchObject({ value: null, n: 0 });
  });

  it('answers no series and no periods for no rows', () => {
    expect(trendFromRows([], VIEW)).toEqual({ ...VIEW, periods: [], series: [] });
  });
});
