import { z } from 'zod';
import { SMALL_COUNT_LIMIT, suppressesSmallCounts } from '@/lib/auth/roles';
import { ARROW_STREAM, rowsToArrow } from '@/lib/db/arrow';
import {
  DEFAULT_TOP,
  fetchMetricTrend,
  flattenMetricTrend,
  MAX_TOP,
  METRIC_TREND_ARROW_COLUMNS,
  TREND_SPLITS,
} from '@/lib/queries/metric-trend';
import { KPI_IDS, KPIS } from '@/lib/sql/kpis';
import { TIME_GRAINS } from '@/lib/sql/time-grain';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * The Trends view: a KPI over time, optionally split by category, district or channel, with expected ranges and
 * anomalies. JSON (MetricTrend) by default; the flat rows (MetricTrendRow) as an Arrow stream when the Accept
 * header asks for application/vnd.apache.arrow.stream.
 */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },

  {
    metric: z.enum(KPI_IDS).default('appeals'),
    grain: z.enum(TIME_GRAINS).default('day'),
    split: z.enum(TREND_SPLITS).default('none'),
    top: z.coerce.number().int().min(1).max(MAX_TOP).default(DEFAULT_TOP),
  },
  async ({ filters, view, request, viewer }) => {
    const trend = await fetchMetricTrend(filters, view);
    // `n` is always a count of tickets, and so is a series' `total` (its appeals in the range, what the top N is
    // ranked by); `value` is one for the count KPIs. The flat Arrow rows carry no total.
    const counts = KPIS[view.metric].unit === 'count' ? ['value', 'n'] : ['n'];
    // A share over n = 1 or 2 tickets is 0, ½ or 1, and ½ gives n = 2 back. Counts and hours cannot.
    const withheld = KPIS[view.metric].unit === 'share' ? ['value'] : [];
    if (request.headers.get('accept')?.includes(ARROW_STREAM)) {
      let rows = flattenMetricTrend(trend);
      // Arrow columns are numeric, so a suppressed count travels as null (shown as "—").
      if (suppressesSmallCounts(viewer)) rows = rows.map((row) => hideSmallCounts(row, counts, withheld));
      return { arrow: rowsToArrow(rows, METRIC_TREND_ARROW_COLUMNS) };
    }
    return { json: trend, smallCounts: [...counts, 'total'], withheldWithCounts: withheld };
  },
);

/** The Arrow twin of the JSON's suppression: small counts and, beside one, the keys `withheld` become null. */
function hideSmallCounts<Row extends object>(
  row: Row,
  keys: readonly string[],
  withheld: readonly string[],
): Row {
  const out = { ...row } as Record<string, unknown>;
  let hid = false;
  for (const key of keys) {
    const value = out[key];
    if (typeof value === 'number' && value > 0 && value < SMALL_COUNT_LIMIT) {
      out[key] = null;
      hid = true;
    }
  }
  if (hid) for (const key of withheld) out[key] = null;
  return out as Row;
}
