/**
 * Quotes an identifier (table or column name) for DuckDB: wraps it in double quotes and doubles any inside, so
 * headers in Chinese, with spaces or with quotes stay exactly as written.
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Quotes a string constant that DuckDB will not accept as a bound parameter (table-function options that must be
 * known at bind time). Only for constants chosen by this code, never for values read from a file.
 */
export function quoteConstant(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
