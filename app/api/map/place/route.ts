import { canReadTickets } from '@/lib/auth/roles';
import { fetchPlaceSummary } from '@/lib/queries/map-place';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * The side panel of a clicked place (PlaceSummary): a hexagon through `cell`, a district or street through
 * `region`, with every other filter. Readers without ticket access get the figures without the recent appeals.
 */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters, viewer }) => {
    const summary = await fetchPlaceSummary(filters);
    return {
      json: canReadTickets(viewer) ? summary : { ...summary, recent: [] },
      smallCounts: ['tickets'],
    };
  },
);
