import { scopeFilterOptions } from '@/lib/auth/scope-options';
import { fetchFilterOptions } from '@/lib/queries/filter-options';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

/** The filter bar's choices (FilterOptions), limited to the viewer's region or department. */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ viewer }) => ({
    json: scopeFilterOptions(await fetchFilterOptions(), viewer),
    smallCounts: ['tickets'],
  }),
);
