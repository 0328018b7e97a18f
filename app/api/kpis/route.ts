import { fetchOverviewKpis } from '@/lib/queries/overview-kpis';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({
    json: await fetchOverviewKpis(filters),
    smallCounts: ['appeals', 'overdueCount'],
  }),
);
