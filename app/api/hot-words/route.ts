import { fetchHotWords } from '@/lib/queries/hot-words';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

/** Hot words of the filtered tickets: significant rises against the baseline, and the most frequent terms. */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({ json: await fetchHotWords(filters) }),
);
