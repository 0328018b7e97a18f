import type { Lang } from '../i18n/codes';
import { KPIS, type KpiId } from '../sql/kpis';
import { isChangeWithheld, isWithheld, type SmallCounts, SUPPRESSED } from './small-counts';
import type { DateMention, Figure, NameMention } from './text/segments';

/**
 * How the briefing writes numbers: counts with separators, shares and percentage points with one decimal. The
 * same rules as the dashboard (app/ui/format.ts), which lib cannot import.
 */
/** Fonts the server has (Noto CJK from the system, DESIGN.md): the same glyphs in the page, the PDF and the PNG. */
export const CHART_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';

const locale = (lang: Lang) => (lang === 'en' ? 'en-US' : 'zh-CN');

export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(Math.round(value));
}

/** One decimal, as text ("2.3"). */
export function formatDecimal(value: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A ratio as a percentage with one decimal ("8.2%"). */
export function formatPercent(ratio: number, lang: Lang): string {
  return `${formatDecimal(ratio * 100, lang)}%`;
}

/** Whether a relative change or a rate change reads as zero once written with one decimal (持平 / unchanged). */
export function roundsToZero(ratio: number): boolean {
  return Math.round(Math.abs(ratio) * 1000) === 0;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025年7月" / "July 2025". */
export function formatMonth(month: string, lang: Lang): string {
  const year = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  return lang === 'en' ? `${MONTHS_EN[m - 1]} ${year}` : `${year}年${m}月`;
}

/** "2025年7月18日" / "18 July 2025". */
export function formatDay(day: string, lang: Lang): string {
  const d = Number(day.slice(8, 10));
  return lang === 'en' ? `${d} ${formatMonth(day, lang)}` : `${formatMonth(day, lang)}${d}日`;
}

/**
 * A count of tickets (appeals, per channel, category, district or department, overdue, still open, repeats, at a
 * place) as this reader may see it: one or two read "<3" and carry no value when small counts are suppressed.
 * Every ticket count of the briefing is written through this or `ticketCountText` (lib/briefing/small-counts.ts).
 */
export const ticketCount = (id: string, value: number, lang: Lang, counts: SmallCounts): Figure =>
  isWithheld(value, counts)
    ? { kind: 'figure', id, value: null, text: SUPPRESSED }
    : { kind: 'figure', id, value, text: formatCount(value, lang) };

/** A ticket count in a table cell or a chart label, as `ticketCount` writes it. */
export function ticketCountText(value: number, lang: Lang, counts: SmallCounts): string {
  return isWithheld(value, counts) ? SUPPRESSED : formatCount(value, lang);
}

/**
 * How many tickets more or fewer than the month before, without a sign; null when either count is withheld from
 * the reader (the sentence then says only which way it went). A small difference itself reads "<3".
 */
export function ticketDifference(
  id: string,
  current: number,
  base: number,
  lang: Lang,
  counts: SmallCounts,
): Figure | null {
  return isChangeWithheld(current, base, counts)
    ? null
    : ticketCount(id, Math.abs(current - base), lang, counts);
}

/**
 * A rising category's increase on the month before, as the table and the chart label write it: "+12 (+35.0%)"
 * ("+12（+35.0%）" in the chart's Chinese); "—" when either month's count is withheld, as the increase and its rate
 * would give it back.
 */
export function risingChangeText(
  r: { tickets: number; previous: number; change: number; changeRate: number | null },
  lang: Lang,
  counts: SmallCounts,
  brackets: 'ascii' | 'cjk' = 'ascii',
): string {
  if (isChangeWithheld(r.tickets, r.previous, counts)) return '—';
  const change = `+${ticketCountText(r.change, lang, counts)}`;
  if (r.changeRate === null) return change;
  const rate = `+${formatPercent(r.changeRate, lang)}`;
  return brackets === 'cjk' ? `${change}（${rate}）` : `${change} (${rate})`;
}

/**
 * A count of something other than tickets (districts, hot cells, departments ranked, places, months) or a
 * forecast's expected appeals: never suppressed. A count of tickets is a `ticketCount`.
 */
export const plainCount = (id: string, value: number, lang: Lang): Figure => ({
  kind: 'figure',
  id,
  value,
  text: formatCount(value, lang),
});

/** A share or a relative change, written without its sign (the sentence says 上升/下降). */
export const percent = (id: string, value: number, lang: Lang): Figure => ({
  kind: 'figure',
  id,
  value,
  text: formatPercent(Math.abs(value), lang),
});

/** A rate change in percentage points, written without its sign; `value` is the change of the ratio. */
export const points = (id: string, value: number, lang: Lang): Figure => ({
  kind: 'figure',
  id,
  value,
  text: formatDecimal(Math.abs(value) * 100, lang),
});

export const decimal = (id: string, value: number, lang: Lang): Figure => ({
  kind: 'figure',
  id,
  value,
  text: formatDecimal(value, lang),
});

export const month = (value: string, lang: Lang): DateMention => ({
  kind: 'date',
  value,
  text: formatMonth(value, lang),
});

export const day = (value: string, lang: Lang): DateMention => ({
  kind: 'date',
  value,
  text: formatDay(value, lang),
});

export const name = (text: string): NameMention => ({ kind: 'name', text });

/**
 * A KPI's value in the briefing's tables: percent for rates, hours for times, "—" when there is nothing to count;
 * the count KPIs (appeals, overdue) are ticket counts.
 */
export function kpiValueText(id: KpiId, value: number | null, lang: Lang, counts: SmallCounts): string {
  if (value === null) return '—';
  const unit = KPIS[id].unit;
  if (unit === 'share') return formatPercent(value, lang);
  if (unit === 'hours') return `${formatDecimal(value, lang)} ${lang === 'en' ? 'h' : '小时'}`;
  return ticketCountText(value, lang, counts);
}

/**
 * A KPI's change in the tables, as the overview's cards write it: counts and times in percent, rates in
 * percentage points, signed with + and − (the generated sentences use words instead).
 */
export function kpiChangeText(
  id: KpiId,
  current: number | null,
  base: number | null,
  lang: Lang,
  counts: SmallCounts,
): string {
  if (current === null || base === null) return '—';
  // As on the overview's cards: a withheld count has no change to show (it would give the count back).
  if (KPIS[id].unit === 'count' && isChangeWithheld(current, base, counts)) return '—';
  const sign = (v: number) => (roundsToZero(v) ? '' : v > 0 ? '+' : '−');
  if (KPIS[id].unit === 'share') {
    const change = current - base;
    return `${sign(change)}${formatDecimal(Math.abs(change) * 100, lang)}${lang === 'en' ? ' pp' : ' 个百分点'}`;
  }
  if (base === 0) return '—';
  const change = (current - base) / base;
  return `${sign(change)}${formatPercent(Math.abs(change), lang)}`;
}
