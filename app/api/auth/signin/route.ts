import { signInWithPassword } from '@/lib/auth/accounts';
import { clientAddress } from '@/lib/auth/client-address';
import { safeNextPath } from '@/lib/auth/next-path';
import { signInLimiter } from '@/lib/auth/rate-limit';
import { RequestRefused, readFormBody } from '@/lib/auth/request-guard';
import { sessionCookie } from '@/lib/auth/session';
import { loadAuthSettings } from '@/lib/auth/settings';

export const dynamic = 'force-dynamic';

/** Back to the sign-in page with the reason (and the name typed, so it need not be typed again). */
function backToForm(request: Request, params: Record<string, string>, status = 303): Response {
  const url = new URL('/signin', request.url);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return new Response(null, { status, headers: { location: `${url.pathname}${url.search}` } });
}

/**
 * POST /api/auth/signin (the sign-in form: username, password, next). On success a session cookie and a 303 to
 * `next` (a path on this site); otherwise a 303 back to /signin with `error=invalid|locked|busy`. Same-origin only,
 * at most 20 attempts a minute from one address, and the account lockout of lib/auth/accounts.ts.
 */
export async function POST(request: Request): Promise<Response> {
  let form: URLSearchParams;
  try {
    form = await readFormBody(request);
  } catch (error) {
    if (error instanceof RequestRefused)
      return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
  const username = (form.get('username') ?? '').trim().slice(0, 64);
  const password = form.get('password') ?? '';
  const next = safeNextPath(form.get('next'));
  const ip = clientAddress(request);
  const wait = signInLimiter.take(ip);
  if (wait !== null) return backToForm(request, { error: 'busy', retry: String(wait), next, username });
  if (!username || !password) return backToForm(request, { error: 'invalid', next, username });
  const settings = loadAuthSettings();
  const result = await signInWithPassword(settings.accountsPath, username, password, { ip });
  if (!result.ok) {
    const params: Record<string, string> = { error: result.reason, next, username };
    if (result.reason === 'locked') params.retry = String(result.retryAfterSeconds);
    return backToForm(request, params);
  }
  return new Response(null, {
    status: 303,
    headers: {
      location: next,
      'set-cookie': await sessionCookie(result.account, settings),
      'cache-control': 'no-store',
    },
  });
}
