/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB's native binding must be required at run time, not bundled.
  serverExternalPackages: ['@duckdb/node-api'],
  output: 'standalone',
  outputFileTracingIncludes: {
    '/**': ['./node_modules/@duckdb/node-bindings-linux-x64/**'],
  },
  poweredByHeader: false,
};

export default nextConfig;
