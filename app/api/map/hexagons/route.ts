import { SMALL_COUNT_LIMIT, suppressesSmallCounts } from '@/lib/auth/roles';
import { ARROW_STREAM } from '@/lib/db/arrow';
import { fetchMapHexagons } from '@/lib/queries/map-hexagons';
import { MAP_VIEWPORT } from '@/lib/queries/map-params';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * Appeals per H3 cell (MapHexagonRow: cell, tickets) in the box at the resolution the zoom calls for (r6 up to
 * zoom 10, r8 to 13, r10 beyond). Arrow with Accept: Arrow, else JSON; x-resolution and x-truncated headers.
 */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  MAP_VIEWPORT,
  async ({ filters, view, request, viewer }) => {
    const { table, resolution, truncated } = await fetchMapHexagons(
      filters,
      view,
      suppressesSmallCounts(viewer) ? SMALL_COUNT_LIMIT : 1,
    );
    const headers = { 'x-resolution': String(resolution), 'x-truncated': String(truncated) };
    if (request.headers.get('accept')?.includes(ARROW_STREAM)) return { arrow: table, headers };
    return { json: { resolution, truncated, rows: table.toArray().map((r) => r.toJSON()) }, headers };
  },
);
