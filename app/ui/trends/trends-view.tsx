'use client';

import { KPIS } from '@/lib/sql/kpis';
import { useText } from '../i18n/preferences';
import { Empty, Loading, Panel } from '../states/widget-state';
import { AnomalyList } from './anomaly-list';
import { MetricTrendChart } from './metric-trend-chart';
import { TrendError } from './trend-error';
import { TrendTable } from './trend-table';
import { SPLIT_TEXT } from './trend-text';
import { useMetricTrend } from './use-metric-trend';

/**
 * The chart, its anomalies and its table, from one query. Loading, an error and an empty trend are shown once, in
 * the chart's place: the list and the table have nothing to add until there is a trend.
 */
export function TrendsView() {
  const { view, query } = useMetricTrend();
  const { t } = useText();
  const metric = t(KPIS[view.metric].name);
  const title =
    view.split === 'none'
      ? metric
      : `${metric}${t({ zh: ' · 按', en: ' by ' })}${t(SPLIT_TEXT[view.split]).toLowerCase()}${t({ zh: '拆分', en: '' })}`;

  const trend = query.data;
  const empty = trend?.series.every((s) => s.points.every((p) => p.n === 0));
  return (
    <>
      <Panel title={title} className="trend-panel" testId="metric-trend">
        {query.isPending ? (
          <Loading height={380} />
        ) : query.isError ? (
          <TrendError error={query.error} />
        ) : empty || !trend ? (
          <Empty height={200}>
            {KPIS[view.metric].unit === 'count'
              ? undefined
              : t({
                  zh: `所选条件下没有可计算“${metric}”的诉求。请放宽时间范围或筛选条件。`,
                  en: `No appeals to compute “${metric}” from under these filters. Widen the dates or remove a filter.`,
                })}
          </Empty>
        ) : (
          <MetricTrendChart trend={trend} view={view} />
        )}
      </Panel>
      {trend && !empty ? (
        <>
          <Panel title={t({ zh: '异常', en: 'Anomalies' })} testId="anomalies">
            <AnomalyList trend={trend} view={view} />
          </Panel>
          <Panel title={t({ zh: '数据', en: 'Data' })} testId="trend-data">
            <TrendTable trend={trend} view={view} />
          </Panel>
        </>
      ) : null}
    </>
  );
}
