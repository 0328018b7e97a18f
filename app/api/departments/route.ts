import { fetchDepartmentScorecard } from '@/lib/queries/department-scorecard';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

/** The departments view: DepartmentScorecard (every department's KPIs and score, this period and the one before). */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters }) => ({
    json: await fetchDepartmentScorecard(filters),
    smallCounts: ['tickets', 'overdue', 'escalated', 'multiDepartment'],
  }),
);
