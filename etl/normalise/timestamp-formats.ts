/**
 * The strptime patterns `timestampSql` tries when a mapping does not name its own (`formats: ['auto']`).
 *
 * DuckDB's `%m`, `%d`, `%H`, `%M`, `%S` accept one or two digits and `%n` accepts 1–9 fractional digits, so one
 * pattern covers `2024/3/5 8:01` and `2024/03/05 08:01`. A space in a pattern needs at least one space in the
 * input, hence the paired Chinese patterns with and without it. Year-first forms are grouped by the character
 * after the year, so a row is tried only against its own group; within a group, order is by how often exports
 * use each form (DuckDB stops at the first pattern that parses).
 */
export const YEAR_FIRST_PATTERNS: Readonly<Record<'-' | '/' | '.' | '年', readonly string[]>> = {
  '-': [
    '%Y-%m-%d %H:%M:%S',
    '%Y-%m-%d %H:%M:%S.%n',
    '%Y-%m-%dT%H:%M:%S',
    '%Y-%m-%dT%H:%M:%S.%n',
    '%Y-%m-%d %H:%M',
    '%Y-%m-%dT%H:%M',
    '%Y-%m-%d',
  ],
  '/': ['%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d %H:%M:%S.%n', '%Y/%m/%d'],
  '.': ['%Y.%m.%d %H:%M:%S', '%Y.%m.%d %H:%M', '%Y.%m.%d'],
  年: [
    '%Y年%m月%d日 %H时%M分%S秒',
    '%Y年%m月%d日%H时%M分%S秒',
    '%Y年%m月%d日 %H时%M分',
    '%Y年%m月%d日%H时%M分',
    '%Y年%m月%d日 %H点%M分',
    '%Y年%m月%d日%H点%M分',
    '%Y年%m月%d日 %H时',
    '%Y年%m月%d日%H时',
    '%Y年%m月%d日 %H:%M:%S',
    '%Y年%m月%d日%H:%M:%S',
    '%Y年%m月%d日 %H:%M',
    '%Y年%m月%d日%H:%M',
    '%Y年%m月%d日',
  ],
};

/** US month-first patterns with a four-digit year; `dayFirst` swaps `%m/%d` to `%d/%m`. */
export const SLASH_PATTERNS: readonly string[] = [
  '%m/%d/%Y %I:%M:%S %p',
  '%m/%d/%Y %I:%M %p',
  '%m/%d/%Y %H:%M:%S',
  '%m/%d/%Y %H:%M',
  '%m/%d/%Y',
];

/**
 * Two-digit-year patterns. They must be tried before the four-digit ones: `%Y` reads `1/1/20` as the year 20 AD,
 * while `%y` rejects `2022` (it reads two digits and then meets more digits).
 */
export const TWO_DIGIT_YEAR_PATTERNS: readonly string[] = [
  '%m/%d/%y %H:%M',
  '%m/%d/%y %H:%M:%S',
  '%m/%d/%y %I:%M %p',
  '%m/%d/%y %I:%M:%S %p',
  '%m/%d/%y',
];

/** ISO 8601 with a numeric offset (`+08:00`, `+0800`, `+08`). DuckDB's `%z` does not accept `Z`. */
export const OFFSET_PATTERNS: readonly string[] = [
  '%Y-%m-%dT%H:%M:%S%z',
  '%Y-%m-%dT%H:%M:%S.%n%z',
  '%Y-%m-%d %H:%M:%S%z',
  '%Y-%m-%d %H:%M:%S.%n%z',
  '%Y-%m-%d %H:%M:%S %z',
  '%Y-%m-%dT%H:%M%z',
];

/** ISO 8601 in UTC written with a literal `Z`. */
export const UTC_PATTERNS: readonly string[] = [
  '%Y-%m-%dT%H:%M:%SZ',
  '%Y-%m-%dT%H:%M:%S.%nZ',
  '%Y-%m-%d %H:%M:%SZ',
  '%Y-%m-%dT%H:%MZ',
];

/** Digit-only forms, told apart by length so that an 8-digit id is not read as a 14-digit timestamp. */
export const COMPACT_PATTERNS: Readonly<Record<number, string>> = {
  8: '%Y%m%d',
  12: '%Y%m%d%H%M',
  14: '%Y%m%d%H%M%S',
};

/** Excel serial day numbers accepted as dates: 1954-10-03 to 2119-01-10; smaller numbers are ids or counts. */
export const EXCEL_SERIAL_RANGE = { min: 20000, max: 80000 } as const;
