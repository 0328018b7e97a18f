import { queryOptions } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import type { MetricTrendRow, TrendSplit } from '@/lib/queries/metric-trend';
import type { KpiId } from '@/lib/sql/kpis';
import type { TimeGrain } from '@/lib/sql/time-grain';
import { trendFromRows } from '../trends/trend-rows';
import { apiUrl, getArrowRows } from './api-client';

/** What the Trends view asks for besides the filters; `top` only matters with a split. */
export interface TrendView {
  metric: KpiId;
  grain: TimeGrain;
  split: TrendSplit;
  top: number;
}

/** One queryOptions factory per Trends API call; every filter and view value is part of the key. */
export const trendQueries = {
  /**
   * The metric trend as Arrow rows (daily × 12 series over two years is ~9,000 rows of 11 columns), rebuilt into
   * series in the browser. Without a split `top` is left out of the request and the key: it changes nothing.
   */
  metricTrend: (filters: Filters, view: TrendView) => {
    const top = view.split === 'none' ? undefined : view.top;
    return queryOptions({
      queryKey: ['metric-trend', filters, view.metric, view.grain, view.split, top],
      queryFn: async ({ signal }) => {
        const url = apiUrl('/api/metric-trend', filters, { ...view, top });
        return trendFromRows(await getArrowRows<MetricTrendRow>(url, signal), view);
      },
    });
  },
};
