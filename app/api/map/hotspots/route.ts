import { fetchMapHotspots } from '@/lib/queries/map-hotspots';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * Hotspot cells of the category filter's scope and the ranked list with evidence (MapHotspots);
 * `available: false` when the warehouse has no hotspot analytics.
 */
export const GET = dashboardRoute({}, async ({ filters }) => ({ json: await fetchMapHotspots(filters) }));
