import { z } from 'zod';
import { loadConfig } from '@/lib/config';
import { fetchPlanningBrief } from '@/lib/queries/planning-brief';
import { EVIDENCE_VIEW, PLANNING_VIEW, planningOptions } from '@/lib/queries/planning-params';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The one-page brief of a candidate (`issue`) as XLSX, ranked under the filters, kinds and weights; `lang` zh
 * (default) or en. Candidates of every kind can be exported, so kinds default to all of them here.
 */
export const GET = dashboardRoute(
  { reveals: 'tickets', honours: ['region', 'dept'], audit: 'view' },

  { ...PLANNING_VIEW, ...EVIDENCE_VIEW, lang: z.enum(['zh', 'en']).optional() },
  async ({ filters, view }) => {
    const { kinds, weights } = planningOptions(view);
    const bytes = await fetchPlanningBrief(filters, {
      issueId: view.issue,
      kinds: view.kinds ? kinds : ['place', 'crowd', 'caller', 'text'],
      weights,
      lang: view.lang ?? 'zh',
      appDbPath: loadConfig().appDbPath,
    });
    if (!bytes) {
      return {
        response: Response.json({ error: `no candidate "${view.issue}" in this selection` }, { status: 404 }),
      };
    }
    const name = `brief-${view.issue.replace(/[^A-Za-z0-9_-]+/g, '_')}.xlsx`;
    return {
      response: new Response(new Uint8Array(bytes), {
        headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename="${name}"` },
      }),
    };
  },
);
