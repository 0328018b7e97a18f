'use client';

import { daysInRange } from '@/lib/filters/periods';
import { ApiError } from '../data/api-client';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { useText } from '../i18n/preferences';
import { ErrorNotice } from '../states/widget-state';
import { GRAIN_TEXT } from './trend-text';
import { useTrendView } from './use-metric-trend';

/** The most days the API draws day by day (MAX_DAY_GRAIN_DAYS in lib/queries/metric-trend, which loads DuckDB). */
const MAX_DAY_GRAIN_DAYS = 731;

/**
 * Why the trend could not load, in the server's words; when the range is too long to draw day by day, the two steps
 * that work, one click away.
 */
export function TrendError({ error }: { error: unknown }) {
  const { filters, update } = useDashboardFilters();
  const { grain } = useTrendView();
  const { t } = useText();
  const tooLongForDays =
    error instanceof ApiError &&
    error.status === 400 &&
    grain === 'day' &&
    daysInRange(filters) > MAX_DAY_GRAIN_DAYS;
  return (
    <div data-testid="trend-error">
      <ErrorNotice error={error} height={120} />
      {tooLongForDays ? (
        <p className="trend-suggestion">
          {t({
            zh: '按日最多显示 2 年。请缩短时间范围，或改为：',
            en: 'A daily trend covers at most 2 years. Shorten the range, or show it: ',
          })}
          {(['week', 'month'] as const).map((g) => (
            <button key={g} type="button" onClick={() => update({ grain: g })}>
              {t(GRAIN_TEXT[g])}
            </button>
          ))}
        </p>
      ) : null}
    </div>
  );
}
