// Security headers for every response (static files included); the pages' CSP is set in proxy.ts with a nonce.
const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB's native binding must be required at run time, not bundled; exceljs (the ticket export) is a large
  // CommonJS tree with optional requires, loaded from node_modules as the ETL loads it.
  serverExternalPackages: ['@duckdb/node-api', 'exceljs'],
  poweredByHeader: false,
  // Security headers on every response; the pages' Content-Security-Policy comes from proxy.ts (it needs a nonce).
  async headers() {
    return [{ source: '/:path*', headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
