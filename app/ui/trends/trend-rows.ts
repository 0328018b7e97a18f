import type { MetricTrend, MetricTrendRow, MetricTrendSeries } from '@/lib/queries/metric-trend';

/**
 * A series as the browser rebuilds it from the flat Arrow rows. The rows carry no `total` (the appeals the top N
 * is ranked by): the view needs only the order, which the rows keep.
 */
export type TrendSeries = Omit<MetricTrendSeries, 'total'>;

/** MetricTrend as the Trends view holds it: the same shape, with series rebuilt from rows. */
export interface Trend extends Omit<MetricTrend, 'series'> {
  series: TrendSeries[];
}

/**
 * Regroups the API's flat rows (flattenMetricTrend: series by series in the trend's order, periods ascending) into
 * series of points. The periods are those of the first series, which every series shares; no rows (a split with no
 * appeals) is a trend with no series and no periods.
 */
export function trendFromRows(
  rows: readonly MetricTrendRow[],
  view: Pick<MetricTrend, 'metric' | 'grain' | 'split'>,
): Trend {
  const series = new Map<string, TrendSeries>();
  for (const { key, name, nameEn, ...point } of rows) {
    let s = series.get(key);
    if (!s) {
      s = { key, name, nameEn, points: [] };
      series.set(key, s);
    }
    s.points.push(point);
  }
  const all = [...series.values()];
  return { ...view, periods: all[0]?.points.map((p) => p.period) ?? [], series: all };
}
