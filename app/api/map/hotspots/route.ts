import { canReadTickets } from '@/lib/auth/roles';
import { fetchMapHotspots } from '@/lib/queries/map-hotspots';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * Hotspot cells of the category filter's scope and the ranked list with evidence (MapHotspots);
 * `available: false` when the warehouse has no hotspot analytics. The cells are cut by region, not by department,
 * so department accounts are refused. Readers without ticket access get the evidence without sample texts.
 */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region'] },
  {},
  async ({ filters, viewer }) => {
    const hotspots = await fetchMapHotspots(filters);
    const json =
      hotspots.available && !canReadTickets(viewer)
        ? { ...hotspots, ranked: hotspots.ranked.map((h) => ({ ...h, samples: [] })) }
        : hotspots;
    return { json, smallCounts: ['tickets'] };
  },
);
