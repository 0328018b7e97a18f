/**
 * SQL turning a column of any DuckDB type into VARCHAR: nested values (STRUCT, LIST, MAP, UNION, JSON) become JSON
 * text, everything else DuckDB's own text form (timestamps as `YYYY-MM-DD HH:MM:SS`).
 */
export function varcharSql(columnSql: string, duckdbType: string): string {
  if (duckdbType === 'VARCHAR') return columnSql;
  if (duckdbType === 'JSON') return `json_extract_string(${columnSql}, '$')`;
  if (/[[\]]|^(STRUCT|MAP|UNION)\(/.test(duckdbType)) return `to_json(${columnSql})::VARCHAR`;
  return `CAST(${columnSql} AS VARCHAR)`;
}
