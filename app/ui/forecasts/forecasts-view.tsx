'use client';

import { useDashboard } from '../filters/dashboard-context';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';
import { BacktestPanel } from './backtest-panel';
import { ForecastAlerts } from './forecast-alerts';
import { ForecastChart } from './forecast-chart';
import { ForecastControls } from './forecast-controls';
import { fallbackText, modelName } from './forecast-text';
import { ProactiveCalendar } from './proactive-calendar';
import { SeasonalProfile } from './seasonal-profile';
import { useForecastView } from './use-forecast-view';

/**
 * The forecast of the filters' place and category at the chosen step, how good it has been, the category's
 * seasonal profile, this place's alerts and the proactive calendar. One query feeds all but the calendar.
 */
export function ForecastsView() {
  const { step, filters, query } = useForecastView();
  const { options } = useDashboard();
  const { t, lang } = useText();
  const data = query.data;
  const series = data?.status === 'ok' ? data.series : null;
  const place = series
    ? series.regionLevel === 'city'
      ? t({ zh: '全市', en: 'Whole city' })
      : (series.regionName ?? series.regionCode)
    : '';
  const category = series
    ? series.categoryCode === 'all'
      ? t({ zh: '全部诉求', en: 'All appeals' })
      : ((lang === 'en' ? series.categoryEn : series.categoryZh) ?? series.categoryCode)
    : '';
  const categoryName = filters.category
    ? (options.categories.find((c) => c.code === filters.category)?.name ?? filters.category)
    : null;
  return (
    <>
      <ForecastControls step={step} />
      <Panel
        title={series ? `${place} · ${category}` : t({ zh: '预测', en: 'Forecast' })}
        className="trend-panel"
        testId="forecast"
      >
        {query.isPending ? (
          <Loading height={360} />
        ) : query.isError ? (
          <ErrorNotice error={query.error} height={200} />
        ) : data?.status === 'not_built' ? (
          <Empty height={160}>
            {t({
              zh: '还没有预测：请运行 npm run etl -- analyse --only forecasts。',
              en: 'No forecasts yet: run npm run etl -- analyse --only forecasts.',
            })}
          </Empty>
        ) : !series ? (
          <Empty height={160}>
            {t({
              zh: `${categoryName ?? '所选类别'}在这里诉求太少（少于 20 件），或所选粒度没有预测（按日只有全市合计）。`,
              en: `${categoryName ?? 'This category'} has too few appeals here (fewer than 20), or there is no forecast at this step (daily: city total only).`,
            })}
          </Empty>
        ) : (
          <>
            {data?.status === 'ok' && data.regionFromTown ? (
              <p className="notice">
                {t({
                  zh: '预测按区县做，这里显示所选街道所在区县的预测。',
                  en: 'Forecasts are made per district; this is the district of the selected street.',
                })}
              </p>
            ) : null}
            <p className="muted" data-testid="forecast-model">
              {t({ zh: '模型：', en: 'Model: ' })}
              {modelName(series.model, lang)}
              {series.fallbackReason ? ` — ${fallbackText(series.fallbackReason, lang)}` : ''}
            </p>
            <ForecastChart points={data?.status === 'ok' ? data.points : []} step={step} />
          </>
        )}
      </Panel>
      {series && data?.status === 'ok' ? (
        <div className="panel-grid">
          <Panel
            title={t({ zh: '这个预测过去有多准？', en: 'How good has this forecast been?' })}
            testId="backtest-panel"
          >
            <BacktestPanel series={series} backtests={data.backtests} step={step} />
          </Panel>
          <Panel
            title={t({ zh: '季节规律：哪些月份高发', en: 'Seasonal profile: the high months' })}
            testId="profile-panel"
          >
            {data.profile.length > 0 ? <SeasonalProfile months={data.profile} /> : <Empty height={120} />}
          </Panel>
        </div>
      ) : null}
      {data?.status === 'ok' ? (
        <Panel
          title={t({ zh: '实际高于预期（最近一期）', en: 'Above expectations (latest period)' })}
          testId="alerts-panel"
        >
          <ForecastAlerts alerts={data.alerts} step={step} />
        </Panel>
      ) : null}
      <Panel
        title={t({ zh: '未诉先办日历', en: 'Act before complaints: the calendar' })}
        testId="calendar-panel"
      >
        <ProactiveCalendar />
      </Panel>
    </>
  );
}
