import { fetchMapRegions } from '@/lib/queries/map-regions';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/** The choropleth (MapRegions): appeals per region at the finest level with boundaries, raw and per 10,000. */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({
    json: await fetchMapRegions(filters),
    smallCounts: ['tickets'],
    // per10k × population ÷ 10,000 is the count, so it goes with a suppressed one.
    withheldWithCounts: ['per10k'],
  }),
);
