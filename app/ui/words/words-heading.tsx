'use client';

import { useDashboard } from '../filters/dashboard-context';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatDate } from '../format';
import { useText } from '../i18n/preferences';

/** The view's title, the range it shows, and what a hot word is. */
export function WordsHeading() {
  const { filters } = useDashboardFilters();
  const { options } = useDashboard();
  const { t, lang } = useText();
  return (
    <div className="view-heading trends-heading">
      <h1>{t({ zh: '热词', en: 'Hot words' })}</h1>
      <p className="subtitle" data-testid="range-label">
        {formatDate(filters.from, lang)} – {formatDate(filters.to, lang)}
        {options.span ? (
          <span className="as-of">
            {t({ zh: ' · 数据截至 ', en: ' · data up to ' })}
            {formatDate(options.span.lastDay, lang)}
          </span>
        ) : null}
      </p>
      <p className="trends-intro">
        {t({
          zh: '本期诉求中占比显著高于基线（此前三个同长时期）的词语：可在某一类别形成高峰之前看到正在上升的问题。地名、地址和客套话已去除；点击词语查看包含它的诉求。',
          en: 'Words whose share of appeals this period is significantly above their baseline (the three periods of the same length before): rising problems before they become a category spike. Place names, addresses and courtesy phrases are left out; click a word for the appeals that contain it.',
        })}
      </p>
    </div>
  );
}
