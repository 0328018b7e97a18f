import { fetchDispatchBacktest } from '@/lib/queries/dispatch-model';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/** The dispatch suggestion's time-based backtest (DispatchBacktestRow, or null before the step has run). */
export const GET = dashboardRoute({ reveals: 'aggregates', honours: [] }, {}, async () => ({
  json: await fetchDispatchBacktest(),
}));
