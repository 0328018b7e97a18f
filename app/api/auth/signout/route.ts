import { checkSameOrigin, RequestRefused } from '@/lib/auth/request-guard';
import { endSessionCookie } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

/** POST /api/auth/signout: ends the session (same-origin only) and goes to the sign-in page. */
export async function POST(request: Request): Promise<Response> {
  try {
    checkSameOrigin(request);
  } catch (error) {
    if (error instanceof RequestRefused)
      return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
  return new Response(null, {
    status: 303,
    headers: { location: '/signin', 'set-cookie': endSessionCookie(), 'cache-control': 'no-store' },
  });
}
