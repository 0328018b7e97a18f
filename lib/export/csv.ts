/**
 * CSV as Excel and every other reader accept it: RFC 4180 (comma separated, CRLF line ends, a field quoted when it
 * holds a comma, quote, CR or LF, quotes doubled), UTF-8 with a byte-order mark so that Excel on a Chinese Windows
 * does not read the file as GBK.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, and tab or CR, which some readers strip before the
 * check) starts with an apostrophe, so a citizen's message such as `=HYPERLINK(…)` stays text (OWASP "CSV
 * injection"). Numbers are written as numbers and never prefixed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One field, quoted and guarded as needed; null and undefined are empty. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
