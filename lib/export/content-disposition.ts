/**
 * `Content-Disposition: attachment` for a file name that may be Chinese: an ASCII `filename` for old clients and
 * the real name as `filename*` (RFC 6266 with RFC 5987 encoding: UTF-8, percent-encoded outside attr-char).
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
