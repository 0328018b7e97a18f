import { ARROW_STREAM } from '@/lib/db/arrow';
import { MAP_VIEWPORT } from '@/lib/queries/map-params';
import { fetchMapPoints, MAX_POINTS } from '@/lib/queries/map-points';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * Located tickets inside the box (MapPointRow), newest first, at most MAX_POINTS; zoom 14 or more, else 400.
 * Arrow with Accept: Arrow, else JSON; x-total-count (all tickets in the box) and x-truncated headers.
 */
export const GET = dashboardRoute(
  { reveals: 'tickets', honours: ['region', 'dept'] },
  MAP_VIEWPORT,
  async ({ filters, view, request }) => {
    const { table, total } = await fetchMapPoints(filters, view);
    const headers = { 'x-total-count': String(total), 'x-truncated': String(total > MAX_POINTS) };
    if (request.headers.get('accept')?.includes(ARROW_STREAM)) return { arrow: table, headers };
    return { json: { total, rows: table.toArray().map((r) => r.toJSON()) }, headers };
  },
);
