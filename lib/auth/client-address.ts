/**
 * The client's address for rate limits and the accounts log. `next start` sets X-Forwarded-For from the socket;
 * behind a reverse proxy, the proxy must overwrite (not append to) it, or a client could choose its own address.
 */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
