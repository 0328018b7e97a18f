import { fetchPlanningImpact } from '@/lib/queries/planning-impact';
import { IMPACT_VIEW } from '@/lib/queries/planning-params';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * Before/after impact of a finished project (`issue`, `done` = its done date): PlanningImpact, a difference-in-
 * differences against similar areas, or `{ enough: false, reason }`; 404 when the issue is unknown. The global
 * filters do not apply: the comparison always uses the whole city's appeals of the candidate's category.
 */
export const GET = dashboardRoute({ reveals: 'aggregates', honours: [] }, IMPACT_VIEW, async ({ view }) => {
  const impact = await fetchPlanningImpact(view.issue, view.done);
  if (!impact)
    return { response: Response.json({ error: `no recurring issue "${view.issue}"` }, { status: 404 }) };
  return { json: impact };
});
