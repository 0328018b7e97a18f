import { fetchDataQuality } from '@/lib/queries/data-quality';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({ json: await fetchDataQuality(filters) }),
);
