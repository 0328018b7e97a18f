/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB's native binding must be required at run time, not bundled; exceljs (the ticket export) is a large
  // CommonJS tree with optional requires, loaded from node_modules as the ETL loads it.
  serverExternalPackages: ['@duckdb/node-api', 'exceljs'],
  poweredByHeader: false,
};

export default nextConfig;
