import { fetchDistrictRanking } from '@/lib/queries/district-ranking';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({ json: await fetchDistrictRanking(filters), smallCounts: ['tickets'] }),
);
