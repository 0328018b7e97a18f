import { AccessError, checkRole, SIGN_IN_REQUIRED } from '@/lib/auth/access';
import { PAGE_ACCESS } from '@/lib/auth/page-access';
import { RequestRefused, readJsonBody } from '@/lib/auth/request-guard';
import { viewerFromRequest } from '@/lib/auth/session';
import { DispatchRequestError, suggestDispatch } from '@/lib/queries/dispatch-suggest';
import { errorResponse } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/** Body limit in bytes: the text cap (4,000 characters) in UTF-8 plus room for the other fields. */
const MAX_BODY_BYTES = 16_384;

/**
 * Suggested lead and co-handling units for a pasted appeal (DispatchAnswer); the body is DispatchRequest JSON from
 * the page's own origin. The answer shows past tickets' masked text, so only viewers of the /dispatch page may ask.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const viewer = await viewerFromRequest(request);
    if (!viewer) throw new AccessError(401, SIGN_IN_REQUIRED);
    checkRole(viewer, PAGE_ACCESS['/dispatch']);
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    return Response.json(await suggestDispatch(body), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof RequestRefused)
      return Response.json({ error: error.message }, { status: error.status });
    if (error instanceof DispatchRequestError)
      return Response.json({ error: error.message }, { status: 400 });
    return errorResponse(error);
  }
}
