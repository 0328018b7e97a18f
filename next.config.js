/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB's native binding must be required at run time, not bundled.
  serverExternalPackages: ['@duckdb/node-api'],
  poweredByHeader: false,
};

export default nextConfig;
