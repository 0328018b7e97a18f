/**
 * The text of one spreadsheet cell as exceljs reports it: dates as `YYYY-MM-DD HH:MM:SS`, numbers in plain
 * decimal notation (no exponent), rich text, hyperlinks and formula results as their shown text, errors as their
 * code (`#N/A`). Returns null for an empty cell.
 */
export function cellText(value: unknown): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return wallClock(value);
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell.richText)) {
      return cell.richText.map((run: { text?: string }) => run.text ?? '').join('');
    }
    if ('text' in cell) return cellText(cell.text);
    if ('formula' in cell || 'sharedFormula' in cell) return cellText(cell.result);
    if ('error' in cell) return String(cell.error);
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * exceljs turns a date cell into a JS Date whose UTC fields are the wall-clock time typed into the sheet, so the
 * UTC getters (never the local ones) give back what the user saw.
 */
export function wallClock(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** A number in plain decimal notation: 13800138000, 0.0000001, 1234500000000000000000 (never `1.2345e+21`). */
export function plainNumber(value: number): string {
  const shortest = String(value);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!exponent) return shortest;
  const [, sign, lead, fraction = '', power] = exponent;
  const digits = `${lead}${fraction}`;
  const shift = Number(power);
  if (shift >= 0) return `${sign}${digits.padEnd(shift + 1, '0')}`;
  return `${sign}0.${'0'.repeat(-shift - 1)}${digits}`;
}
