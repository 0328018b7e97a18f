import { readWorkflow, recordWorkflowChange, workflowChangeSchema } from '@/lib/appdb/workflow';
import { loadConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

function appDbPath(): string {
  const { appDbPath } = loadConfig();
  if (!appDbPath) throw new Error('no application database path configured');
  return appDbPath;
}

/** Every candidate's workflow state (WorkflowState[]), from the application database, never the warehouse. */
export async function GET(): Promise<Response> {
  try {
    const states = await readWorkflow(appDbPath());
    return Response.json([...states.values()], { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'internal error: the server log has the details' }, { status: 500 });
  }
}

/**
 * Records a change `{ issueId, status, date, note }` (JSON body) and answers the candidate's new state; 400 with the
 * problems when the body is invalid.
 */
export async function POST(request: Request): Promise<Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'the body must be JSON' }, { status: 400 });
  }
  const parsed = workflowChangeSchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `"${issue.path.join('.')}": ${issue.message}`);
    return Response.json({ error: `invalid change: ${problems.join('; ')}` }, { status: 400 });
  }
  try {
    const file = appDbPath();
    await recordWorkflowChange(file, parsed.data);
    const state = (await readWorkflow(file)).get(parsed.data.issueId);
    return Response.json(state, { status: 201 });
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'internal error: the server log has the details' }, { status: 500 });
  }
}
