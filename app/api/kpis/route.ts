import { fetchOverviewKpis } from '@/lib/queries/overview-kpis';
import type { KpiId } from '@/lib/sql/kpis';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

const RATES = [
  'resolvedRate',
  'satisfactionRate',
  'onTimeRate',
  'returnRate',
  'repeatRate',
] satisfies KpiId[];

export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({
    json: await fetchOverviewKpis(filters),
    smallCounts: ['appeals', 'overdueCount'],
    // A rate's base is at most the appeals: over one or two it is 0, ½ or 1, and ½ gives two appeals back.
    withheldWithCounts: Object.fromEntries(RATES.map((rate) => [rate, ['appeals']])),
  }),
);
