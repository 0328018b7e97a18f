import type { Lang } from '../i18n/codes';
import { formatMonth } from './format';
import type { BriefingNoData } from './model';

/**
 * The sentence for a month without data: "no data for 2031-01; the warehouse holds 2024-01 … 2025-12". The page,
 * the API (404 with this message) and the command say the same.
 */
export function noDataMessage(noData: BriefingNoData, lang: Lang): string {
  const { month, span } = noData;
  if (!span)
    return lang === 'en'
      ? 'The warehouse holds no tickets yet: load exports with npm run etl -- load.'
      : '数据库中还没有诉求数据：请先用 npm run etl -- load 载入。';
  return lang === 'en'
    ? `No data for ${formatMonth(month, lang)} (${month}); the warehouse holds ${span.firstDay.slice(0, 7)} … ${span.lastDay.slice(0, 7)}.`
    : `${formatMonth(month, lang)}（${month}）没有数据；数据库中的数据为 ${span.firstDay.slice(0, 7)} 至 ${span.lastDay.slice(0, 7)}。`;
}

/** Thrown by the file writers for a month without data; the message is noDataMessage's. */
export class BriefingNoDataError extends Error {
  constructor(
    readonly noData: BriefingNoData,
    lang: Lang,
  ) {
    super(noDataMessage(noData, lang));
  }
}
