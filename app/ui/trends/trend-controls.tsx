'use client';

import { KPI_IDS, KPIS } from '@/lib/sql/kpis';
import { TIME_GRAINS } from '@/lib/sql/time-grain';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { useText } from '../i18n/preferences';
import { GRAIN_TEXT, SPLIT_TEXT } from './trend-text';
import { SPLITS, TOP_CHOICES, useTrendView } from './use-metric-trend';

/**
 * What the trend shows: the metric, the step, the split and how many split values get a line. Each choice is a URL
 * parameter (metric, grain, split, top), so a trend can be bookmarked and shared like the filters.
 */
export function TrendControls() {
  const { update } = useDashboardFilters();
  const view = useTrendView();
  const { t } = useText();
  return (
    <form
      className="trend-controls"
      aria-label={t({ zh: '趋势设置', en: 'Trend settings' })}
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        <span>{t({ zh: '指标', en: 'Metric' })}</span>
        <select name="metric" value={view.metric} onChange={(e) => update({ metric: e.target.value })}>
          {KPI_IDS.map((id) => (
            <option key={id} value={id}>
              {t(KPIS[id].name)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t({ zh: '时间粒度', en: 'Step' })}</legend>
        <div className="segmented">
          {TIME_GRAINS.map((grain) => (
            <button
              key={grain}
              type="button"
              aria-pressed={grain === view.grain}
              onClick={() => update({ grain })}
            >
              {t(GRAIN_TEXT[grain])}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t({ zh: '拆分维度', en: 'Split by' })}</legend>
        <div className="segmented">
          {SPLITS.map((split) => (
            <button
              key={split}
              type="button"
              aria-pressed={split === view.split}
              onClick={() => update({ split })}
            >
              {t(SPLIT_TEXT[split])}
            </button>
          ))}
        </div>
      </fieldset>
      <label>
        <span>{t({ zh: '单独显示', en: 'Lines shown' })}</span>
        <select
          name="top"
          value={String(view.top)}
          disabled={view.split === 'none'}
          onChange={(e) => update({ top: e.target.value })}
        >
          {TOP_CHOICES.map((top) => (
            <option key={top} value={top}>
              {t({ zh: `前 ${top} 项，其余合并为“其他”`, en: `Top ${top}, the rest as “Other”` })}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
