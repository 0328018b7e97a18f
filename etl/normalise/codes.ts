import { sqlString } from '../../lib/sql/quote';
import { APPEAL_TYPES, BOOLEANS, CODE_KEY_DROPPED, codeKey, SATISFACTION, STATUSES } from './code-vocabulary';

/**
 * A mapping file's own words for codes: source value → code. Keys are compared like the built-in vocabulary
 * (case-, space-, underscore- and hyphen-insensitive) and win over it; the value `''` means "no code" (NULL).
 */
export type CodeOverrides = Readonly<Record<string, string>>;

/** SQL for the appeal type code (consult | help | complaint | report | suggestion | praise | other); blank → NULL, unknown text → 'other'. */
export function appealTypeSql(expr: string, map?: CodeOverrides): string {
  return lookupSql(expr, APPEAL_TYPES, map, "'other'");
}

/** SQL for the status code (open | in_progress | closed | cancelled); unknown or blank → NULL. */
export function statusSql(expr: string, map?: CodeOverrides): string {
  return lookupSql(expr, STATUSES, map, 'NULL');
}

/** SQL for the satisfaction code (satisfied | basically_satisfied | dissatisfied); unknown or blank → NULL. */
export function satisfactionSql(expr: string, map?: CodeOverrides): string {
  return lookupSql(expr, SATISFACTION, map, 'NULL');
}

/** SQL for a BOOLEAN from 是/否, Y/N, yes/no, true/false, 1/0, 已解决/未解决 ...; map values are 'true' or 'false'. */
export function booleanSql(expr: string, map?: CodeOverrides): string {
  const text = lookupSql(expr, BOOLEANS, map, 'NULL');
  return `CAST(${text} AS BOOLEAN)`;
}

/** SQL for an INTEGER from trimmed text: `2`, `2.0`, `1,234`; fractions, overflow and anything else → NULL. */
export function integerSql(expr: string): string {
  const value = doubleSql(expr);
  return `CASE WHEN ${value} = trunc(${value}) AND ${value} BETWEEN -2147483648 AND 2147483647 THEN CAST(${value} AS INTEGER) END`;
}

/** SQL for a finite DOUBLE from trimmed text (thousands commas allowed); anything else, NaN and ±inf → NULL. */
export function doubleSql(expr: string): string {
  const text = `trim(${expr})`;
  const withCommas = `CASE WHEN regexp_full_match(${text}, '[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?') THEN try_cast(replace(${text}, ',', '') AS DOUBLE) END`;
  const value = `coalesce(try_cast(${text} AS DOUBLE), ${withCommas})`;
  return `CASE WHEN isfinite(${value}) THEN ${value} END`;
}

function lookupSql(
  expr: string,
  vocabulary: Readonly<Record<string, readonly string[]>>,
  map: CodeOverrides | undefined,
  unknown: string,
): string {
  const entries = new Map<string, string>();
  for (const [source, code] of Object.entries(map ?? {})) {
    if (code !== '' && !(code in vocabulary)) {
      throw new Error(
        `mapping value '${code}' for '${source}' is not one of: ${Object.keys(vocabulary).join(', ')}`,
      );
    }
    if (!entries.has(codeKey(source))) entries.set(codeKey(source), code);
  }
  for (const [code, words] of Object.entries(vocabulary)) {
    for (const word of words) if (!entries.has(codeKey(word))) entries.set(codeKey(word), code);
  }
  entries.delete('');
  const key = `lower(regexp_replace(${expr}, '${CODE_KEY_DROPPED}', '', 'g'))`;
  const whens = [...entries]
    .map(([word, code]) => `WHEN ${sqlString(word)} THEN ${code === '' ? 'NULL' : sqlString(code)}`)
    .join(' ');
  return `CASE ${key} WHEN '' THEN NULL ${whens} ELSE CASE WHEN ${key} IS NOT NULL THEN ${unknown} END END`;
}
