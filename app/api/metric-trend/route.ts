import { z } from 'zod';
import { ARROW_STREAM, rowsToArrow } from '@/lib/db/arrow';
import {
  DEFAULT_TOP,
  fetchMetricTrend,
  flattenMetricTrend,
  MAX_TOP,
  METRIC_TREND_ARROW_COLUMNS,
  TREND_SPLITS,
} from '@/lib/queries/metric-trend';
import { KPI_IDS } from '@/lib/sql/kpis';
import { TIME_GRAINS } from '@/lib/sql/time-grain';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * The Trends view: a KPI over time, optionally split by category, district or channel, with expected ranges and
 * anomalies. JSON (MetricTrend) by default; the flat rows (MetricTrendRow) as an Arrow stream when the Accept
 * header asks for application/vnd.apache.arrow.stream.
 */
export const GET = dashboardRoute(
  {
    metric: z.enum(KPI_IDS).default('appeals'),
    grain: z.enum(TIME_GRAINS).default('day'),
    split: z.enum(TREND_SPLITS).default('none'),
    top: z.coerce.number().int().min(1).max(MAX_TOP).default(DEFAULT_TOP),
  },
  async ({ filters, view, request }) => {
    const trend = await fetchMetricTrend(filters, view);
    if (request.headers.get('accept')?.includes(ARROW_STREAM))
      return { arrow: rowsToArrow(flattenMetricTrend(trend), METRIC_TREND_ARROW_COLUMNS) };
    return { json: trend };
  },
);
