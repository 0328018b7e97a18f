import { fetchPlanningCandidates } from '@/lib/queries/planning-candidates';
import { PLANNING_VIEW, planningOptions } from '@/lib/queries/planning-params';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/** The planners' ranked project candidates (PlanningCandidate[]) under the filters, kinds and weights. */
export const GET = dashboardRoute(
  { reveals: 'tickets', honours: ['region', 'dept'] },
  PLANNING_VIEW,
  async ({ filters, view }) => ({
    json: await fetchPlanningCandidates(filters, planningOptions(view)),
  }),
);
