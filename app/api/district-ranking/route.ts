import { fetchDistrictRanking } from '@/lib/queries/district-ranking';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({
    json: await fetchDistrictRanking(filters),
    smallCounts: ['tickets'],
    // per10k × population ÷ 10,000 is the count, so it goes with a suppressed one.
    withheldWithCounts: ['per10k'],
  }),
);
