import { fetchPlaceSummary } from '@/lib/queries/map-place';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * The side panel of a clicked place (PlaceSummary): a hexagon through `cell`, a district or street through
 * `region`, with every other filter applied.
 */
export const GET = dashboardRoute({}, async ({ filters }) => ({ json: await fetchPlaceSummary(filters) }));
