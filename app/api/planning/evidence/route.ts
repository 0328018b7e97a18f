import { fetchPlanningEvidence } from '@/lib/queries/planning-evidence';
import { EVIDENCE_VIEW } from '@/lib/queries/planning-params';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/** Evidence of one candidate (`issue`): category mix, departments, latest masked appeals; 404 when unknown. */
export const GET = dashboardRoute(
  { reveals: 'tickets', honours: ['region', 'dept'], audit: 'view' },
  EVIDENCE_VIEW,
  async ({ filters, view }) => {
    const evidence = await fetchPlanningEvidence(filters, view.issue);
    if (!evidence) {
      return { response: Response.json({ error: `no recurring issue "${view.issue}"` }, { status: 404 }) };
    }
    return { json: evidence };
  },
);
