import { fetchChannelMix } from '@/lib/queries/channel-mix';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({ json: await fetchChannelMix(filters), smallCounts: ['tickets'] }),
);
