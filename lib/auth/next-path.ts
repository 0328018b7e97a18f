/**
 * Where to go after signing in: only a path on this site. `//evil.example` and `/\evil.example` are URLs of another
 * host to a browser, so they (and anything not starting with one slash) become the overview.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  if ([...next].some((ch) => ch.charCodeAt(0) < 0x20)) return '/';
  return next.startsWith('/signin') || next.startsWith('/api/') ? '/' : next;
}
