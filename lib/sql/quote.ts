/**
 * Quoting for the few things that must be written into SQL text: identifiers (column names from a file's header
 * or an allow-list) and constants that come from code or mapping files. Values a user sends are bound instead.
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal for a constant from code or configuration. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A SQL `VARCHAR[]` literal of constants, for functions such as `try_strptime(x, [...])`. */
export function sqlStringList(values: readonly string[]): string {
  return `[${values.map(sqlString).join(', ')}]`;
}
