'use client';

import { useDashboard } from '../filters/dashboard-context';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatDate } from '../format';
import { useText } from '../i18n/preferences';

/** The view's title with the range it ranks and how recent the data are. */
export function DepartmentsHeading() {
  const { filters } = useDashboardFilters();
  const { options } = useDashboard();
  const { t, lang } = useText();
  return (
    <div className="view-heading">
      <h1>{t({ zh: '部门考评', en: 'Departments' })}</h1>
      <p className="subtitle" data-testid="range-label">
        {formatDate(filters.from, lang)} – {formatDate(filters.to, lang)}
        {options.span ? (
          <span className="as-of">
            {t({ zh: ' · 数据截至 ', en: ' · data up to ' })}
            {formatDate(options.span.lastDay, lang)}
          </span>
        ) : null}
      </p>
    </div>
  );
}
