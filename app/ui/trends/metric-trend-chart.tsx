'use client';

import { useMemo } from 'react';
import { lineColours, type MetricTrendLine, metricTrendOption } from '@/lib/charts/metric-trend-option';
import { ANOMALY_HIGH_COLOUR, ANOMALY_LOW_COLOUR } from '@/lib/charts/palette';
import { KPIS } from '@/lib/sql/kpis';
import { EChart } from '../charts/echart';
import type { TrendView } from '../data/trend-queries';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount } from '../format';
import { useText } from '../i18n/preferences';
import type { Trend } from './trend-rows';
import {
  ANOMALY_TEXT,
  formatAxis,
  formatMetric,
  formatRange,
  periodLong,
  periodShort,
  seriesName,
} from './trend-text';
import { OTHER_KEY, seriesFilter } from './use-metric-trend';

/**
 * The trend chart with what a reader needs to read it: the key to its marks (band, triangles, dashes, shown only
 * when drawn) and, for a split, a button per series that filters the dashboard to it (the legend itself toggles
 * lines). Clicking a line or its anomaly marker filters too; "other" and "unclassified" cannot be filtered to.
 */
export function MetricTrendChart({ trend, view }: { trend: Trend; view: TrendView }) {
  const { filters, update } = useDashboardFilters();
  const { t, lang } = useText();
  const unit = KPIS[view.metric].unit;

  const lines = useMemo<MetricTrendLine[]>(
    () =>
      trend.series.map((s) => ({
        key: s.key,
        name: seriesName(s, lang),
        points: s.points,
        muted: s.key === OTHER_KEY || s.key === '__none__',
      })),
    [trend, lang],
  );
  const option = useMemo(() => {
    // By the range, not the periods: a year's first week may start in late December.
    const withYear = filters.from.slice(0, 4) !== filters.to.slice(0, 4);
    return metricTrendOption(
      { periods: trend.periods, lines },
      {
        unit,
        labels: {
          period: (start) => periodShort(view.grain, start, lang, withYear),
          periodLong: (start) => periodLong(view.grain, start, lang),
          value: (value) => formatMetric(unit, value, lang),
          range: (lower, upper) => formatRange(unit, lower, upper, lang),
          axisValue: (value) => formatAxis(unit, value, lang),
          count: (n) => formatCount(n, lang),
          expectedRange: t({ zh: '预期范围', en: 'Expected range' }),
          high: t(ANOMALY_TEXT.high),
          low: t(ANOMALY_TEXT.low),
          partial: t({ zh: '不完整的时期', en: 'partial period' }),
        },
      },
    );
  }, [trend.periods, lines, unit, view.grain, lang, t, filters.from, filters.to]);

  const colours = lineColours(lines);
  const filterable = lines.flatMap((line, i) =>
    seriesFilter(view.split, line.key) ? [{ line, colour: colours[i]! }] : [],
  );
  const banded = lines.length === 1 && lines[0]!.points.some((p) => p.lower !== null);
  const anomalies = lines.some((l) => l.points.some((p) => p.anomaly));
  const partial = lines.some((l) => l.points.some((p) => p.partial));
  const filterTo = (key: string | undefined) => {
    const patch = key ? seriesFilter(view.split, key) : null;
    if (patch) update(patch);
  };

  return (
    <>
      <EChart
        option={option}
        height={380}
        label={t({
          zh: '指标趋势图（数据见下方数据表）',
          en: 'Metric trend chart (the data table below has its numbers)',
        })}
        onClick={
          filterable.length > 0
            ? (click) =>
                filterTo(
                  (click.data as { key?: string } | undefined)?.key ??
                    lines.find((l) => l.name === click.seriesName)?.key,
                )
            : undefined
        }
      />
      {filterable.length > 0 ? (
        <div className="series-filter" data-testid="series-filter">
          <span>{t({ zh: '筛选到：', en: 'Filter to: ' })}</span>
          {filterable.map(({ line, colour }) => (
            <button key={line.key} type="button" className="link" onClick={() => filterTo(line.key)}>
              <span className="swatch" style={{ background: colour }} aria-hidden="true" />
              {line.name}
            </button>
          ))}
        </div>
      ) : null}
      <ul className="chart-key">
        {banded ? (
          <li>
            <span className="key-band" aria-hidden="true" />
            {t({
              zh: '阴影：预期范围，点线为预期值（按该序列近 8 期推算）',
              en: 'Shaded: expected range, dotted: expected value (from the series’ last 8 periods)',
            })}
          </li>
        ) : null}
        {anomalies ? (
          <li>
            <span style={{ color: ANOMALY_HIGH_COLOUR }} aria-hidden="true">
              ▲
            </span>{' '}
            {t(ANOMALY_TEXT.high)}{' '}
            <span style={{ color: ANOMALY_LOW_COLOUR }} aria-hidden="true">
              ▼
            </span>{' '}
            {t(ANOMALY_TEXT.low)}
            {t({ zh: '（异常，见下方列表）', en: ' (anomalies, listed below)' })}
          </li>
        ) : null}
        {partial ? (
          <li>
            {t({
              zh: '虚线与空心点：不完整的时期（时间范围或数据只覆盖其中几天），数值只含这几天，不判断异常',
              en: 'Dashed with hollow points: partial periods (the range or the data cover only some of their days); their values count those days only and are not judged',
            })}
          </li>
        ) : null}
      </ul>
      <p className="footnote">
        {t({ zh: '口径：', en: 'Definition: ' })}
        {t(KPIS[view.metric].formula)}
      </p>
    </>
  );
}
