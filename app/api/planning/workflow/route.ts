import { readWorkflow, recordWorkflowChange, workflowChangeSchema } from '@/lib/appdb/workflow';
import { AccessError, checkRole, SIGN_IN_REQUIRED } from '@/lib/auth/access';
import { PAGE_ACCESS } from '@/lib/auth/page-access';
import { RequestRefused, readJsonBody } from '@/lib/auth/request-guard';
import type { Viewer } from '@/lib/auth/roles';
import { viewerFromRequest } from '@/lib/auth/session';
import { loadConfig } from '@/lib/config';
import { errorResponse } from '../../_lib/route';

export const dynamic = 'force-dynamic';

function appDbPath(): string {
  const { appDbPath } = loadConfig();
  if (!appDbPath) throw new Error('no application database path configured');
  return appDbPath;
}

/** Whoever may open the planning page may read the workflow; only analysts and administrators change it. */
async function planner(request: Request, change: boolean): Promise<Viewer> {
  const viewer = await viewerFromRequest(request);
  if (!viewer) throw new AccessError(401, SIGN_IN_REQUIRED);
  checkRole(viewer, PAGE_ACCESS['/planning']);
  if (change && viewer.role !== 'analyst' && viewer.role !== 'admin')
    throw new AccessError(
      403,
      'only analysts and administrators change the workflow (仅分析员和管理员可修改)',
    );
  return viewer;
}

/** Every candidate's workflow state (WorkflowState[]), from the application database, never the warehouse. */
export async function GET(request: Request): Promise<Response> {
  try {
    await planner(request, false);
    const states = await readWorkflow(appDbPath());
    return Response.json([...states.values()], { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Records a change `{ issueId, status, date, note }` (JSON body, same origin, at most 64 KiB) as the signed-in
 * planner and answers the candidate's new state; 400 with the problems when the body is invalid.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const viewer = await planner(request, true);
    const body = await readJsonBody(request);
    const parsed = workflowChangeSchema.safeParse(body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `"${issue.path.join('.')}": ${issue.message}`);
      return Response.json({ error: `invalid change: ${problems.join('; ')}` }, { status: 400 });
    }
    const file = appDbPath();
    await recordWorkflowChange(file, parsed.data, viewer.username);
    const state = (await readWorkflow(file)).get(parsed.data.issueId);
    return Response.json(state, { status: 201 });
  } catch (error) {
    if (error instanceof RequestRefused)
      return Response.json({ error: error.message }, { status: error.status });
    return errorResponse(error);
  }
}
