import { safeNextPath } from '@/lib/auth/next-path';
import { startSignIn } from '@/lib/auth/oidc';
import { loadAuthSettings } from '@/lib/auth/settings';

export const dynamic = 'force-dynamic';

/** GET /api/auth/oidc/start?next=/path: off to the identity provider (404 when single sign-on is not configured). */
export async function GET(request: Request): Promise<Response> {
  const settings = loadAuthSettings();
  if (!settings.oidc) return Response.json({ error: 'single sign-on is not configured' }, { status: 404 });
  const next = safeNextPath(new URL(request.url).searchParams.get('next'));
  try {
    const { location, cookie } = await startSignIn({ ...settings, oidc: settings.oidc }, request, next);
    return new Response(null, {
      status: 303,
      headers: { location, 'set-cookie': cookie, 'cache-control': 'no-store' },
    });
  } catch (error) {
    console.error(error);
    return new Response(null, { status: 303, headers: { location: '/signin?error=sso' } });
  }
}
