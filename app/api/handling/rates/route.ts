import { HANDLING_VIEW } from '@/lib/queries/handling-params';
import { fetchHandlingRates } from '@/lib/queries/handling-rates';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/** Re-dispatch and multi-unit rates (HandlingRateRow[]) by `by` = category (default), region or unit. */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  HANDLING_VIEW,
  async ({ filters, view }) => ({
    json: await fetchHandlingRates(filters, view.by ?? 'category'),
    smallCounts: ['tickets', 'dispatchKnown', 'redispatched', 'multiUnit', 'bounced'],
    // Each rate times its denominator beside it (dispatchKnown, tickets) gives its numerator back.
    withheldWithCounts: ['redispatchRate', 'multiUnitRate'],
  }),
);
