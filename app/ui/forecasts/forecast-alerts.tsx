'use client';

import type { ForecastAlert, ForecastViewStep } from '@/lib/queries/forecast-view';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { useText } from '../i18n/preferences';
import { periodLong } from '../trends/trend-text';
import { formatExpected } from './forecast-text';

/**
 * Actual versus expected: the categories of this place whose latest period was above the 95% interval their model
 * expected one step ahead. Unlike the trends' anomaly rule this knows the time of year: a flood-season July is
 * expected, a July twice the usual flood season is not.
 */
export function ForecastAlerts({
  alerts,
  step,
}: {
  alerts: readonly ForecastAlert[];
  step: ForecastViewStep;
}) {
  const { update } = useDashboardFilters();
  const { t, lang } = useText();
  if (alerts.length === 0)
    return (
      <p data-testid="no-alerts">
        {t({
          zh: '最近一期没有高于 95% 预测区间（且至少 10 件）的类别。',
          en: 'No category was above its 95% interval (with at least 10 appeals) in the latest period.',
        })}
      </p>
    );
  return (
    <ul className="overdue-list" data-testid="alerts">
      {alerts.map((a) => (
        <li key={a.seriesId}>
          <button
            type="button"
            className="link"
            onClick={() => update({ category: a.categoryCode === 'all' ? null : a.categoryCode })}
          >
            {a.categoryCode === 'all'
              ? t({ zh: '全部诉求', en: 'All appeals' })
              : ((lang === 'en' ? (a.categoryEn ?? a.categoryZh) : a.categoryZh) ?? a.categoryCode)}
          </button>{' '}
          {t({
            zh: `${periodLong(step, a.periodStart, lang)}：实际 ${formatExpected(a.actual, lang)} 件，预期约 ${formatExpected(a.expected, lang)} 件（95% 上限 ${formatExpected(a.hi95, lang)}）`,
            en: `${periodLong(step, a.periodStart, lang)}: ${formatExpected(a.actual, lang)} appeals against about ${formatExpected(a.expected, lang)} expected (95% upper limit ${formatExpected(a.hi95, lang)})`,
          })}
        </li>
      ))}
    </ul>
  );
}
