/**
 * Checks on requests that change state (sign-in, sign-out, account changes, the planners' workflow):
 *
 * - CSRF: the browser's Origin (or Sec-Fetch-Site) must say the request comes from this dashboard's own pages. The
 *   session cookie is SameSite=Lax too, so another site cannot post with it; the origin check also covers the
 *   sign-in form, which has no session yet.
 * - Size: a body larger than MAX_BODY_BYTES is refused before it is read whole.
 */
export const MAX_BODY_BYTES = 64 * 1024;

export class RequestRefused extends Error {
  constructor(
    readonly status: 403 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** The origin the browser used to reach us (Host header; X-Forwarded-Host behind a reverse proxy that sets it). */
function ownHost(request: Request): string | null {
  return request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host;
}

export function checkSameOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none')
    throw new RequestRefused(403, 'cross-site request refused');
  const origin = request.headers.get('origin');
  if (!origin) {
    // Browsers send Origin on every POST; a request without one (and without Sec-Fetch-Site) is not from a page.
    if (!site) throw new RequestRefused(403, 'request without an Origin header refused');
    return;
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new RequestRefused(403, 'malformed Origin header');
  }
  if (host !== ownHost(request)) throw new RequestRefused(403, 'cross-origin request refused');
}

/** The body as text, refused past `limit` bytes (by Content-Length, and again while reading). */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw new RequestRefused(413, `request body over ${limit} bytes`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new RequestRefused(413, `request body over ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A same-origin JSON body within the size limit. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  checkSameOrigin(request);
  if (!request.headers.get('content-type')?.includes('application/json'))
    throw new RequestRefused(415, 'the body must be JSON (content-type: application/json)');
  const text = await readLimitedBody(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestRefused(415, 'the body is not valid JSON');
  }
}

/** A same-origin form body (the sign-in page posts a plain HTML form, so it works before any script loads). */
export async function readFormBody(request: Request, limit = 8 * 1024): Promise<URLSearchParams> {
  checkSameOrigin(request);
  return new URLSearchParams(await readLimitedBody(request, limit));
}
