import { sqlString, sqlStringList } from '../../lib/sql/quote';
import {
  COMPACT_PATTERNS,
  EXCEL_SERIAL_RANGE,
  OFFSET_PATTERNS,
  SLASH_PATTERNS,
  TWO_DIGIT_YEAR_PATTERNS,
  UTC_PATTERNS,
  YEAR_FIRST_PATTERNS,
} from './timestamp-formats';

/**
 * Tokens a mapping may list in `formats` besides strptime patterns: `auto` (every form in timestamp-formats.ts,
 * Excel serials included), `excel` (serial day numbers only), `epoch_s` and `epoch_ms` (Unix time, never guessed).
 */
export type TimestampToken = 'auto' | 'excel' | 'epoch_s' | 'epoch_ms';

export interface TimestampOptions {
  /** IANA zone the export's naive times are written in. */
  sourceTimeZone: string;
  /** IANA zone every stored timestamp is expressed in (HOTLINE_TZ). */
  deploymentTimeZone: string;
  /**
   * Tokens and strptime patterns to try; default `['auto']`. Patterns are tried before the tokens' forms. A
   * pattern with `%z` carries its own offset; one ending in a literal `Z` is UTC; `%y` pivots like the built-ins.
   */
  formats?: readonly (TimestampToken | string)[];
  /** Read `05/01/2022` as 5 January (day first) in the built-in slash patterns. */
  dayFirst?: boolean;
}

const TOKENS = new Set<string>(['auto', 'excel', 'epoch_s', 'epoch_ms']);

/**
 * SQL for a TIMESTAMP (no zone) holding the wall-clock time in `deploymentTimeZone` of the VARCHAR `expr`, or
 * NULL when no pattern parses it. Naive text is read in `sourceTimeZone`; text with an offset or `Z`, and epoch
 * numbers, are instants. Two-digit years pivot at 70 (`69` → 2069, `70` → 1970). When the two zones differ, a
 * naive time in a DST gap moves forward by the gap (02:30 on a spring-forward night becomes 03:30) and one in the
 * repeated autumn hour is read as the later, standard-time hour (ICU's choice); when they are equal, naive times
 * are kept as written. Throws on an unknown token; DuckDB rejects an unknown zone name when binding. `expr` is
 * repeated in the output: pass a column reference.
 */
export function timestampSql(expr: string, options: TimestampOptions): string {
  const formats = options.formats ?? ['auto'];
  for (const format of formats) {
    if (!format.includes('%') && !TOKENS.has(format)) throw new Error(`unknown timestamp format '${format}'`);
  }
  const has = (token: TimestampToken) => formats.includes(token);
  const patterns = formats.filter((f) => f.includes('%'));
  const isUtc = (p: string) => p.endsWith('Z') && !p.includes('%z');
  const text = `trim(${expr})`;

  const local: string[] = [];
  const twoDigit = patterns.filter((p) => p.includes('%y') && !p.includes('%z'));
  const naive = patterns.filter((p) => !p.includes('%y') && !p.includes('%z') && !isUtc(p));
  if (twoDigit.length > 0) local.push(pivotTwoDigitYear(`try_strptime(${text}, ${sqlStringList(twoDigit)})`));
  if (naive.length > 0) local.push(`try_strptime(${text}, ${sqlStringList(naive)})`);
  if (has('auto')) local.push(autoLocalSql(text, options.dayFirst ?? false));
  else if (has('excel')) local.push(excelSerialSql(text));

  const deployment = sqlString(options.deploymentTimeZone);
  const branches: string[] = [];
  if (local.length > 0) branches.push(localToDeployment(coalesce(local), options));
  const utc = [...patterns.filter(isUtc), ...(has('auto') ? UTC_PATTERNS : [])];
  if (utc.length > 0) {
    // Only a text ending in Z can parse here; the test spares the failed attempts on the rest (see autoLocalSql).
    branches.push(
      `CASE WHEN suffix(${text}, 'Z') THEN timezone(${deployment}, timezone('UTC', try_strptime(${text}, ${sqlStringList(utc)}))) END`,
    );
  }
  const offset = [...patterns.filter((p) => p.includes('%z')), ...(has('auto') ? OFFSET_PATTERNS : [])];
  const instants: string[] = [];
  if (offset.length > 0) instants.push(`try_strptime(${text}, ${sqlStringList(offset)})`);
  if (has('epoch_s')) instants.push(epochSql(text, 1));
  if (has('epoch_ms')) instants.push(epochSql(text, 1000));
  if (instants.length > 0) branches.push(`timezone(${deployment}, ${coalesce(instants)})`);
  if (branches.length === 0) return 'CAST(NULL AS TIMESTAMP)';
  return coalesce(branches);
}

/**
 * The built-in naive forms. The character after a four-digit year picks the pattern group, so a row is parsed
 * against a handful of patterns rather than all of them (try_strptime costs one attempt per pattern tried).
 */
function autoLocalSql(text: string, dayFirst: boolean): string {
  // A failed try_strptime costs about a microsecond, and an ISO time with an offset or a Z (Open311) would fail every
  // naive year-first pattern before the instant branches parse it: such texts (longer than a naive time, with a
  // sign or a Z after the seconds) skip them. That took 7 s per 456,000 values.
  const instant = `(length(${text}) > 19 AND (suffix(${text}, 'Z') OR contains(substr(${text}, 17), '+') OR contains(substr(${text}, 17), '-')))`;
  const yearFirst = Object.entries(YEAR_FIRST_PATTERNS)
    .map(([separator, list]) => {
      const parse = `try_strptime(${text}, ${sqlStringList(list)})`;
      return `WHEN ${sqlString(separator)} THEN ${separator === '-' ? `CASE WHEN NOT ${instant} THEN ${parse} END` : parse}`;
    })
    .join(' ');
  const swap = (p: string) => (dayFirst ? p.replace('%m/%d/', '%d/%m/') : p);
  const yearField = `split_part(split_part(${text}, '/', 3), ' ', 1)`;
  const slash = `CASE WHEN length(${yearField}) = 2 THEN ${pivotTwoDigitYear(
    `try_strptime(${text}, ${sqlStringList(TWO_DIGIT_YEAR_PATTERNS.map(swap))})`,
  )} ELSE try_strptime(${text}, ${sqlStringList(SLASH_PATTERNS.map(swap))}) END`;
  const other = `CASE WHEN contains(${text}, '/') THEN ${slash} ELSE coalesce(${compactSql(text)}, ${excelSerialSql(text)}) END`;
  return `CASE substr(${text}, 5, 1) ${yearFirst} ELSE ${other} END`;
}

function coalesce(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `coalesce(${parts.join(', ')})`;
}

/** DuckDB reads `%y` 69–99 as 19xx; the project's pivot is 70, so 1969 (the only year that differs) moves on. */
function pivotTwoDigitYear(parsed: string): string {
  return `CASE WHEN year(${parsed}) < 1970 THEN ${parsed} + INTERVAL 100 YEAR ELSE ${parsed} END`;
}

function compactSql(text: string): string {
  const cases = Object.entries(COMPACT_PATTERNS)
    .map(([length, pattern]) => `WHEN ${length} THEN try_strptime(${text}, ${sqlString(pattern)})`)
    .join(' ');
  return `CASE length(${text}) ${cases} END`;
}

/** Excel counts days from 1899-12-30; times are day fractions, rounded to the second to drop float noise. */
function excelSerialSql(text: string): string {
  const { min, max } = EXCEL_SERIAL_RANGE;
  const value = `try_cast(${text} AS DOUBLE)`;
  return `CASE WHEN regexp_full_match(${text}, '[0-9]{5}(\\.[0-9]+)?') AND ${value} BETWEEN ${min} AND ${max} THEN TIMESTAMP '1899-12-30' + to_seconds(round(${value} * 86400)) END`;
}

function epochSql(text: string, unitsPerSecond: number): string {
  return `CASE WHEN regexp_full_match(${text}, '-?[0-9]+(\\.[0-9]+)?') THEN to_timestamp(try_cast(${text} AS DOUBLE) / ${unitsPerSecond}) END`;
}

function localToDeployment(local: string, options: TimestampOptions): string {
  if (options.sourceTimeZone === options.deploymentTimeZone) return local;
  return `timezone(${sqlString(options.deploymentTimeZone)}, timezone(${sqlString(options.sourceTimeZone)}, ${local}))`;
}
