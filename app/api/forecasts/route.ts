import { z } from 'zod';
import { FORECAST_VIEW_STEPS, fetchForecastView } from '@/lib/queries/forecast-view';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * The forecast view (ForecastView): the stored forecast of the city or the filtered district, for all appeals or
 * the filtered category, at `step`, with its backtests, seasonal profile and the place's alerts. Only `region` and
 * `category` of the filters apply: forecasts are stored per place and category, not per channel or date range.
 */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region'] },

  { step: z.enum(FORECAST_VIEW_STEPS).default('week') },
  async ({ filters, view }) => ({
    json: await fetchForecastView({
      step: view.step,
      region: filters.region ?? null,
      category: filters.category ?? null,
    }),
    // A district's weekly count of a small category can be one or two appeals.
    smallCounts: ['actual'],
  }),
);
