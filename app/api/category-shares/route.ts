import { fetchCategoryShares } from '@/lib/queries/category-shares';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({
    json: await fetchCategoryShares(filters),
    smallCounts: ['tickets', 'previous'],
    // A rise from a suppressed month before would give that month's count back.
    withheldWithCounts: ['change', 'changeRate'],
  }),
);
