import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from './lib/auth/security-headers';
import { SESSION_COOKIE } from './lib/auth/session-cookie-name';

/**
 * Runs before every page (not the API, not static files):
 *
 * - a Content-Security-Policy with a fresh nonce (Next reads it from the request header and puts it on its own
 *   scripts), so an injected script cannot run;
 * - the path as `x-hotline-path`, so a page that needs a sign-in can send the reader back to it afterwards;
 * - without a session cookie, straight to /signin. This is only a shortcut: the pages and routes check the session
 *   itself (app/_auth/current-viewer.ts, app/api/_lib/route.ts).
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  if (pathname !== '/signin' && !request.cookies.get(SESSION_COOKIE)) {
    const url = request.nextUrl.clone();
    url.pathname = '/signin';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url, 303);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, {
    production: process.env.NODE_ENV === 'production',
    tileUrl: process.env.HOTLINE_TILE_URL,
  });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  headers.set('x-nonce', nonce);
  headers.set('x-hotline-path', pathname + search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
