'use client';

import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { useText } from '../i18n/preferences';
import { FORECAST_STEPS_UI } from './forecast-steps';
import { STEP_TEXT } from './forecast-text';

/** The forecast's step (URL parameter `step`). Days exist only for the city's total, so they need no filter. */
export function ForecastControls({ step }: { step: (typeof FORECAST_STEPS_UI)[number] }) {
  const { filters, update } = useDashboardFilters();
  const { t } = useText();
  const cityTotal = !filters.region && !filters.category;
  return (
    <form
      className="trend-controls"
      aria-label={t({ zh: '预测设置', en: 'Forecast settings' })}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset>
        <legend>{t({ zh: '时间粒度', en: 'Step' })}</legend>
        <div className="segmented">
          {FORECAST_STEPS_UI.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={s === step}
              disabled={s === 'day' && !cityTotal}
              title={
                s === 'day' && !cityTotal
                  ? t({ zh: '按日预测只有全市合计', en: 'Daily forecasts exist for the city total only' })
                  : undefined
              }
              onClick={() => update({ step: s })}
            >
              {t(STEP_TEXT[s])}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
