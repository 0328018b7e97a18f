import { fetchBouncePairs } from '@/lib/queries/handling-bounces';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/** The pairs of units that bounce tickets between each other most (BouncePair[]) under the filters. */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({
    json: await fetchBouncePairs(filters),
    smallCounts: ['bouncedTickets', 'escalated', 'tickets'],
    // An average of whole dispatches over two tickets ends in .5 or .0 and says there were two: it goes with a
    // suppressed bouncedTickets (a small escalated count leaves it alone).
    withheldWithCounts: { averageDispatches: ['bouncedTickets'] },
  }),
);
