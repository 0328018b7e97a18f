import { quoteIdentifier, sqlString } from '../../lib/sql/quote';
import type { BoundLayout } from './detect-layout';
import { headerKey } from './detect-layout';
import type { FieldSpec, TicketField } from './mapping-schema';

/**
 * For each field a layout fills, the SQL expression (VARCHAR, NULL when empty) that reads its source text from the
 * staged table: a column, a constant, columns joined, with the layout's value map, default and onlyIf applied.
 * Fields the file cannot give are absent. The expressions refer to the staged table's columns unqualified.
 */
export type SourceValues = Partial<Record<TicketField, string>>;

function mapValues(expr: string, map: Record<string, string>): string {
  const entries = Object.entries(map);
  if (entries.length === 0) return expr;
  const keyed = entries.map(([from, to]) => `WHEN ${sqlString(headerKey(from))} THEN ${sqlString(to)}`);
  // Matching ignores case, spaces and punctuation, like headers, so "In Progress" maps "in progress".
  return `(CASE ${keyExprSql(expr)} ${keyed.join(' ')} ELSE ${expr} END)`;
}

/** SQL twin of headerKey for values. */
export function keyExprSql(expr: string): string {
  return `regexp_replace(lower(nfc_normalize(${expr})), '[\\s_\\-.,:;()（）\\[\\]【】/\\\\''"\`]+', '', 'g')`;
}

function fieldExpression(spec: FieldSpec, headers: string[], bound: BoundLayout, field: TicketField): string {
  if (typeof spec === 'string' || Array.isArray(spec)) return quoteIdentifier(headers[0] as string);
  if (spec.value !== undefined) return sqlString(spec.value);
  let expr: string;
  if (spec.join) {
    const parts = headers.map((h) => quoteIdentifier(h));
    expr = `nullif(concat_ws(${sqlString(spec.separator ?? ' ')}, ${parts.join(', ')}), '')`;
  } else {
    expr = quoteIdentifier(headers[0] as string);
  }
  if (spec.map) expr = mapValues(expr, spec.map);
  if (spec.onlyIf) {
    const gate = bound.layout.fields[field] && findOnlyIfHeader(bound, spec.onlyIf.column);
    const allowed = spec.onlyIf.in.map((v) => sqlString(v.toLowerCase())).join(', ');
    expr = gate ? `(CASE WHEN lower(${quoteIdentifier(gate)}) IN (${allowed}) THEN ${expr} END)` : 'NULL';
  }
  if (spec.default !== undefined) expr = `coalesce(${expr}, ${sqlString(spec.default)})`;
  return expr;
}

function findOnlyIfHeader(bound: BoundLayout, column: string): string | undefined {
  for (const headers of Object.values(bound.columns)) {
    for (const h of headers ?? []) if (headerKey(h) === headerKey(column)) return h;
  }
  return bound.allHeaders.find((h) => headerKey(h) === headerKey(column));
}

/** Builds the source-value expressions for a bound layout. */
export function sourceValues(bound: BoundLayout): SourceValues {
  const out: SourceValues = {};
  for (const [field, spec] of Object.entries(bound.layout.fields) as [TicketField, FieldSpec][]) {
    const headers = bound.columns[field];
    const hasDefault = typeof spec === 'object' && !Array.isArray(spec) && spec.default !== undefined;
    if (headers === undefined) {
      if (hasDefault) out[field] = sqlString((spec as { default: string }).default);
      continue;
    }
    out[field] = fieldExpression(spec, headers, bound, field);
  }
  return out;
}

/** The timestamp formats a field spec names, if any. */
export function formatsOf(spec: FieldSpec | undefined): string[] | undefined {
  return spec && typeof spec === 'object' && !Array.isArray(spec) ? spec.formats : undefined;
}
