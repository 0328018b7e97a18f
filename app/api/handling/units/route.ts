import { HANDLING_VIEW, reopenWindow } from '@/lib/queries/handling-params';
import { fetchUnitClosureQuality } from '@/lib/queries/handling-units';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/** Per unit: reopened-after-closure rate, fast-closure share, satisfied-but-reopened share (UnitClosureQuality[]). */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  HANDLING_VIEW,
  async ({ filters, view }) => ({
    json: await fetchUnitClosureQuality(filters, reopenWindow(view)),
    smallCounts: ['closures', 'reopened', 'closedTickets', 'closedFast', 'reopenedRated'],
  }),
);
