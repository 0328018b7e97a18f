import { SMALL_COUNT_LIMIT, suppressesSmallCounts } from '@/lib/auth/roles';
import { ARROW_STREAM } from '@/lib/db/arrow';
import { fetchMapHeat } from '@/lib/queries/map-heat';
import { MAP_VIEWPORT } from '@/lib/queries/map-params';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * The heat layer: weighted points (MapHeatRow: lon, lat, tickets), one per square a few pixels wide at the zoom.
 * Arrow with Accept: Arrow, else JSON; x-truncated header.
 */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  MAP_VIEWPORT,
  async ({ filters, view, request, viewer }) => {
    const { table, truncated, cellDegrees } = await fetchMapHeat(
      filters,
      view,
      suppressesSmallCounts(viewer) ? SMALL_COUNT_LIMIT : 1,
    );
    const headers = { 'x-truncated': String(truncated) };
    if (request.headers.get('accept')?.includes(ARROW_STREAM)) return { arrow: table, headers };
    return { json: { truncated, cellDegrees, rows: table.toArray().map((r) => r.toJSON()) }, headers };
  },
);
