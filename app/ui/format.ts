import { type Lang, localeOf } from './i18n/lang';

/**
 * Numbers as a reader of the dashboard expects them: counts with separators, shares as percentages with one
 * decimal, handling times in hours or days. Null (nothing to measure) is an em dash, never 0. A count the server
 * suppressed for readers without ticket access arrives as the string "<3" (lib/auth/small-counts.ts) and is shown
 * as it is.
 */
export function formatCount(value: number | string | null, lang: Lang): string {
  if (typeof value === 'string') return value;
  return value === null ? '—' : new Intl.NumberFormat(localeOf(lang)).format(Math.round(value));
}

export function formatShare(value: number | null, lang: Lang, digits = 1): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatDecimal(value: number | null, lang: Lang, digits = 1): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(localeOf(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatHours(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  if (value >= 48)
    return lang === 'en'
      ? `${formatDecimal(value / 24, lang)} days`
      : `${formatDecimal(value / 24, lang)} 天`;
  return lang === 'en' ? `${formatDecimal(value, lang)} h` : `${formatDecimal(value, lang)} 小时`;
}

/** A relative change as "+8.2%" / "−3.1%"; null when the base is zero or missing. */
export function relativeChange(current: number | null, base: number | null): number | null {
  // A suppressed count ("<3") has no change to show.
  if (typeof current !== 'number' || typeof base !== 'number' || base === 0) return null;
  return (current - base) / base;
}

export function formatSignedShare(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  const text = formatShare(Math.abs(value), lang);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** A change of a rate in percentage points ("+1.2 个百分点" / "+1.2 pp"). */
export function formatPoints(current: number | null, base: number | null, lang: Lang): string {
  if (current === null || base === null) return '—';
  const points = (current - base) * 100;
  const text = formatDecimal(Math.abs(points), lang);
  const sign = points > 0 ? '+' : points < 0 ? '−' : '';
  return lang === 'en' ? `${sign}${text} pp` : `${sign}${text} 个百分点`;
}

export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return lang === 'en' ? `${d} ${MONTHS_EN[m - 1]} ${y}` : `${y}年${m}月${d}日`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
