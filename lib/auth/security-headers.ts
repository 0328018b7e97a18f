/**
 * The Content-Security-Policy of every page (proxy.ts adds it with a fresh nonce per request). Scripts run only
 * from this site with the nonce Next puts on its own inline scripts ('strict-dynamic' lets those load the chunks);
 * no 'unsafe-eval' in production. Styles allow inline because Leaflet and ECharts position elements with style
 * attributes. Images also from the configured tile server. No framing, no plugins, forms post only here.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { production: boolean; tileUrl?: string | undefined },
): string {
  const tileOrigin = tileOriginOf(options.tileUrl);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.production ? '' : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The scheme and host of a tile URL template (`https://t{s}.example/{z}/…` keeps its subdomain wildcard). */
function tileOriginOf(template: string | undefined): string | null {
  if (!template) return null;
  const match = /^(https?:\/\/[^/]+)/.exec(template.replace(/\{s\}/g, '*'));
  return match?.[1] ?? null;
}
