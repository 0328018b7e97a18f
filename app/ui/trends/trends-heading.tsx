'use client';

import { useDashboard } from '../filters/dashboard-context';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatDate } from '../format';
import { useText } from '../i18n/preferences';

/** The view's title, the range it shows and how recent the data are, and what the view is for. */
export function TrendsHeading() {
  const { filters } = useDashboardFilters();
  const { options } = useDashboard();
  const { t, lang } = useText();
  return (
    <div className="view-heading trends-heading">
      <h1>{t({ zh: '趋势', en: 'Trends' })}</h1>
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
          zh: '任一指标随时间的变化，可按类别、地区或渠道拆分；明显超出预期范围的时期标为异常。',
          en: 'Any metric over time, split by category, district or channel; periods far outside their expected range are marked as anomalies.',
        })}
      </p>
    </div>
  );
}
