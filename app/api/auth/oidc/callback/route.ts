import { signInWithSso } from '@/lib/auth/accounts';
import { clientAddress } from '@/lib/auth/client-address';
import { finishSignIn, OIDC_COOKIE } from '@/lib/auth/oidc';
import { cookieValue, sessionCookie } from '@/lib/auth/session';
import { loadAuthSettings } from '@/lib/auth/settings';

export const dynamic = 'force-dynamic';

const clearFlow = `${OIDC_COOKIE}=; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0`;

function toSignIn(error: string): Response {
  const headers = new Headers({ location: `/signin?error=${error}`, 'cache-control': 'no-store' });
  headers.append('set-cookie', clearFlow);
  return new Response(null, { status: 303, headers });
}

/**
 * GET /api/auth/oidc/callback: the identity provider sends the browser back here. A valid answer for a name that
 * has an enabled local account starts a session; a failed check is `sso`, a person without an account `no_account`.
 */
export async function GET(request: Request): Promise<Response> {
  const settings = loadAuthSettings();
  if (!settings.oidc) return Response.json({ error: 'single sign-on is not configured' }, { status: 404 });
  let result: { username: string; next: string };
  try {
    result = await finishSignIn(
      { ...settings, oidc: settings.oidc },
      request,
      cookieValue(request.headers.get('cookie'), OIDC_COOKIE),
    );
  } catch (error) {
    console.error('single sign-on failed:', (error as Error).message);
    return toSignIn('sso');
  }
  const account = await signInWithSso(settings.accountsPath, result.username, { ip: clientAddress(request) });
  if (!account) return toSignIn('no_account');
  const headers = new Headers({ location: result.next, 'cache-control': 'no-store' });
  headers.append('set-cookie', clearFlow);
  headers.append('set-cookie', await sessionCookie(account, settings));
  return new Response(null, { status: 303, headers });
}
