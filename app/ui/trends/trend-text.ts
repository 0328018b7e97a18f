import { addDays, monthEnd } from '@/lib/filters/periods';
import type { TrendSplit } from '@/lib/queries/metric-trend';
import type { KpiDefinition } from '@/lib/sql/kpis';
import type { TimeGrain } from '@/lib/sql/time-grain';
import { formatCount, formatDecimal, formatHours, formatShare } from '../format';
import type { Lang, Text } from '../i18n/lang';
import type { TrendSeries } from './trend-rows';

export const GRAIN_TEXT: Record<TimeGrain, Text> = {
  day: { zh: '按日', en: 'Daily' },
  week: { zh: '按周', en: 'Weekly' },
  month: { zh: '按月', en: 'Monthly' },
};

export const SPLIT_TEXT: Record<TrendSplit, Text> = {
  none: { zh: '不拆分', en: 'None' },
  category: { zh: '类别', en: 'Category' },
  district: { zh: '地区', en: 'District' },
  channel: { zh: '渠道', en: 'Channel' },
};

export const ANOMALY_TEXT = {
  high: { zh: '高于预期', en: 'Above expected' },
  low: { zh: '低于预期', en: 'Below expected' },
} satisfies Record<string, Text>;

type Unit = KpiDefinition['unit'];

/** A KPI value in its unit: appeals as a count, rates as a percentage, handling time in hours or days. */
export function formatMetric(unit: Unit, value: number | null, lang: Lang): string {
  if (unit === 'share') return formatShare(value, lang);
  if (unit === 'hours') return formatHours(value, lang);
  return formatCount(value, lang);
}

/**
 * An expected range. A count inside it is a whole number from ⌈lower⌉ to ⌊upper⌋: rounding the bounds to the nearest
 * would show "0–18" beside a 0 flagged low (its lower bound being 0.4).
 */
export function formatRange(unit: Unit, lower: number | null, upper: number | null, lang: Lang): string {
  if (lower === null || upper === null) return '—';
  if (unit === 'count')
    return `${formatCount(Math.ceil(lower), lang)}–${formatCount(Math.floor(upper), lang)}`;
  return `${formatMetric(unit, lower, lang)}–${formatMetric(unit, upper, lang)}`;
}

/** A y-axis tick: no decimals, and hours stay hours (a mixed "40 h / 2 days" axis would read wrong). */
export function formatAxis(unit: Unit, value: number, lang: Lang): string {
  if (unit === 'share') return formatShare(value, lang, 0);
  if (unit === 'hours') return `${formatDecimal(value, lang, 0)}${lang === 'en' ? ' h' : ' 小时'}`;
  return formatCount(value, lang);
}

/** A period start on the chart's axis: short, with the year only when the range spans several. */
export function periodShort(grain: TimeGrain, start: string, lang: Lang, withYear: boolean): string {
  const [y, m, d] = [start.slice(0, 4), Number(start.slice(5, 7)), Number(start.slice(8, 10))];
  if (grain === 'month') return lang === 'en' ? `${y}-${start.slice(5, 7)}` : `${y}年${m}月`;
  if (lang === 'en') return withYear ? start : start.slice(5);
  return withYear ? `${y}年${m}月${d}日` : `${m}月${d}日`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period in full, as the tooltip, the anomaly list and the table write it. */
export function periodLong(grain: TimeGrain, start: string, lang: Lang): string {
  const [y, m, d] = [start.slice(0, 4), Number(start.slice(5, 7)), Number(start.slice(8, 10))];
  if (grain === 'month') return lang === 'en' ? `${MONTHS_EN[m - 1]} ${y}` : `${y}年${m}月`;
  const day = lang === 'en' ? `${d} ${MONTHS_EN[m - 1]} ${y}` : `${y}年${m}月${d}日`;
  if (grain === 'day') return day;
  return lang === 'en' ? `Week of ${day}` : `${day}起一周`;
}

/** The last day of the period starting on `start`. */
export function periodEnd(grain: TimeGrain, start: string): string {
  if (grain === 'day') return start;
  return grain === 'week' ? addDays(start, 6) : monthEnd(start);
}

/** A series' name in the reader's language (channels and regions have no English name: `nameEn` repeats `name`). */
export function seriesName(series: Pick<TrendSeries, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' ? series.nameEn : series.name;
}
