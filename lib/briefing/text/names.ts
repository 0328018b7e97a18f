import { clampRange, type DateRange } from '../../filters/periods';
import { APPEAL_TYPE_TEXT, codeText, type Lang } from '../../i18n/codes';
import type { BriefingModel } from '../model';

/** A category's name in the language, falling back to the Chinese name, then the code. */
export function categoryName(
  row: { zh: string | null; en: string | null; code: string | null },
  lang: Lang,
): string {
  return (
    (lang === 'en' ? (row.en ?? row.zh) : row.zh) ?? row.code ?? (lang === 'en' ? 'Unclassified' : '未分类')
  );
}

export function appealTypeName(type: string, lang: Lang): string {
  return codeText(APPEAL_TYPE_TEXT, type, lang) ?? type;
}

/** What the calendar's region reads as: the city ("全市") or the district's name. */
export function outlookRegionName(
  row: { regionLevel: string; regionName: string | null },
  lang: Lang,
): string {
  if (row.regionLevel === 'city') return lang === 'en' ? 'City-wide' : '全市';
  return row.regionName ?? '';
}

/** "翠屏区合江门街道" / "合江门街道, 翠屏区": a place's district and street, whichever are known. */
export function placeName(county: string | null, town: string | null, lang: Lang): string {
  const parts = [county, town].filter((p): p is string => !!p);
  return lang === 'en' ? parts.reverse().join(', ') : parts.join('');
}

/** Hot cells counted per district, most first (cells outside any district are left out). */
export function hotspotDistricts(cells: readonly { countyName: string | null }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of cells) if (c.countyName) counts.set(c.countyName, (counts.get(c.countyName) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The days of the month the data cover (all of it unless the data start or end inside it). */
export function covered(m: BriefingModel): DateRange {
  return clampRange(m.range, { from: m.span.firstDay, to: m.span.lastDay });
}
