import type { ForecastViewStep } from '@/lib/queries/forecast-view';
import type { Lang, Text } from '../i18n/lang';

export const STEP_TEXT: Record<ForecastViewStep, Text> = {
  week: { zh: '按周', en: 'Weekly' },
  month: { zh: '按月', en: 'Monthly' },
  day: { zh: '按日（全市合计）', en: 'Daily (city total)' },
};

/** The models by what they do, for people who do not know their names. */
export const MODEL_TEXT: Record<string, Text> = {
  seasonal_naive: {
    zh: '去年同期（季节朴素法，基准）',
    en: 'Same period last year (seasonal naive, the baseline)',
  },
  recent_mean: { zh: '近期平均', en: 'Recent average' },
  ets: { zh: '指数平滑（ETS，不含季节）', en: 'Exponential smoothing (ETS, no season)' },
  seasonal_index: { zh: '季节指数 × 当前水平', en: 'Seasonal index × current level' },
  seasonal_index_holidays: {
    zh: '季节指数 × 当前水平 + 节假日',
    en: 'Seasonal index × current level + holidays',
  },
  mstl: { zh: 'MSTL 季节分解', en: 'MSTL seasonal decomposition' },
  mstl_holidays: { zh: 'MSTL 季节分解 + 节假日', en: 'MSTL seasonal decomposition + holidays' },
};

export function modelName(model: string | null, lang: Lang): string {
  if (!model) return '—';
  return MODEL_TEXT[model]?.[lang] ?? model;
}

const UNIT_ZH: Record<string, string> = {
  day: '天',
  days: '天',
  week: '周',
  weeks: '周',
  month: '个月',
  months: '个月',
};

/** The engine writes its fallback reasons in English (they are stored); this says them in Chinese too. */
export function fallbackText(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  let m = /^sparse: ([\d.]+) appeals a (day|week|month) on average \(seasonal models need (\d+)\)$/.exec(
    reason,
  );
  if (m)
    return `数据稀少：平均每${m[2] === 'month' ? '月' : UNIT_ZH[m[2]!]} ${m[1]} 件（季节模型至少需要 ${m[3]} 件），改用近期平均`;
  m = /^too short for (yearly|weekly) seasonality: (\d+) (\w+) \(needs (\d+) (\w+)\)$/.exec(reason);
  if (m)
    return `历史太短，无法估计${m[1] === 'yearly' ? '年度' : '每周'}季节性：${m[2]} ${UNIT_ZH[m[3]!] ?? m[3]}（需要 ${m[4]} ${UNIT_ZH[m[5]!] ?? m[5]}）`;
  m = /^too short to backtest: (\d+) (\w+)$/.exec(reason);
  if (m) return `历史太短，无法回测：${m[1]} ${UNIT_ZH[m[2]!] ?? m[2]}`;
  return reason;
}

export function formatRatio(value: number | null, lang: Lang, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function formatPercent(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${(value * 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 0 })}%`;
}

/** A whole number of appeals for a forecast value (forecasts are fractional; people count whole appeals). */
export function formatExpected(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return Math.round(value).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
}

export function monthLabel(month: number, lang: Lang): string {
  return lang === 'zh'
    ? `${month}月`
    : new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
}
