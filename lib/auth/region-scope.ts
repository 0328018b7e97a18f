/**
 * Whether a region code lies inside another (GB/T 2260 and the loaded hierarchy): a province `510000` holds the
 * codes starting `51`, a city `511500` those starting `5115`, a district `511502` its towns `511502xxx`, a town
 * `511502001` its villages. The same prefix rule the filters use (lib/sql/filters-where.ts).
 */
export function regionPrefix(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}

export function regionWithin(code: string, scope: string): boolean {
  return code.startsWith(regionPrefix(scope));
}
