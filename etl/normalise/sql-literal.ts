/**
 * A SQL string literal for a constant that comes from code or a mapping file (a format, a zone name, a code),
 * never for user data: user data is bound or read from a staged column.
 */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A SQL `VARCHAR[]` literal of constants, for functions such as `try_strptime(x, [...])`. */
export function sqlStringList(values: readonly string[]): string {
  return `[${values.map(sqlString).join(', ')}]`;
}
