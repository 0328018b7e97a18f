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
    // Each rate times its denominator beside it gives its numerator back; a share of one or two rated closures is
    // 0, ½ or 1, and ½ gives reopenedRated = 2 back.
    withheldWithCounts: ['reopenedAfterClosureRate', 'fastClosureShare', 'satisfiedButReopenedShare'],
  }),
);
