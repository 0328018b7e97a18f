'use client';

import Link from 'next/link';
import { ANOMALY_HIGH_COLOUR, ANOMALY_LOW_COLOUR } from '@/lib/charts/palette';
import { KPIS } from '@/lib/sql/kpis';
import type { TrendView } from '../data/trend-queries';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount } from '../format';
import { useText } from '../i18n/preferences';
import type { Trend } from './trend-rows';
import { ANOMALY_TEXT, formatMetric, formatRange, periodEnd, periodLong, seriesName } from './trend-text';
import { seriesFilter } from './use-metric-trend';

/** More rows than this is a daily chart of a noisy split: the first ones make the point, the chart has the rest. */
const MAX_ROWS = 100;

/**
 * Every anomaly of the trend, oldest first: the period, the series, its value against the expected range, and a
 * link to the ticket list of that period (cut to the range; filtered to the series when it is one value).
 */
export function AnomalyList({ trend, view }: { trend: Trend; view: TrendView }) {
  const { filters, filterQuery } = useDashboardFilters();
  const { t, lang } = useText();
  const unit = KPIS[view.metric].unit;
  const rows = trend.series
    .flatMap((series, order) =>
      series.points.flatMap((point) => (point.anomaly ? [{ series, point, order }] : [])),
    )
    .sort((a, b) => a.point.period.localeCompare(b.point.period) || a.order - b.order);
  const judged = trend.series.some((s) => s.points.some((p) => p.expected !== null));

  const ticketsHref = (key: string, period: string) => {
    const params = new URLSearchParams(filterQuery);
    // ISO dates sort as text: the later start and the earlier end cut the period to the range.
    params.set('from', [period, filters.from].sort()[1]!);
    params.set('to', [periodEnd(view.grain, period), filters.to].sort()[0]!);
    for (const [name, value] of Object.entries(seriesFilter(view.split, key) ?? {}))
      if (value) params.set(name, value);
    return `/tickets?${params}`;
  };

  if (rows.length === 0)
    return (
      <p className="widget-state empty" data-testid="no-anomalies">
        {judged
          ? t({
              zh: '没有明显超出预期范围的时期。',
              en: 'No period is far outside its expected range.',
            })
          : t({
              zh: '历史数据不足（每个时期需要此前至少 4 期的数据），无法判断异常。请选择更晚的时间范围或更细的粒度。',
              en: 'Too little history to judge anomalies (each period needs at least 4 earlier ones). Choose a later range or a finer step.',
            })}
      </p>
    );

  return (
    <>
      <table className="anomaly-table" data-testid="anomaly-table">
        <thead>
          <tr>
            <th>{t({ zh: '时期', en: 'Period' })}</th>
            {view.split === 'none' ? null : <th>{t({ zh: '系列', en: 'Series' })}</th>}
            <th className="num">{t(KPIS[view.metric].name)}</th>
            {unit === 'count' ? null : <th className="num">n</th>}
            <th className="num">{t({ zh: '预期范围', en: 'Expected range' })}</th>
            <th>{t({ zh: '异常', en: 'Anomaly' })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map(({ series, point }) => (
            <tr key={`${series.key}|${point.period}`} data-series={series.key} data-period={point.period}>
              <td>
                <Link
                  href={ticketsHref(series.key, point.period)}
                  prefetch={false}
                  title={t({ zh: '查看这一期的诉求', en: 'See the tickets of this period' })}
                >
                  {periodLong(view.grain, point.period, lang)}
                </Link>
              </td>
              {view.split === 'none' ? null : <td>{seriesName(series, lang)}</td>}
              <td className="num">{formatMetric(unit, point.value, lang)}</td>
              {unit === 'count' ? null : <td className="num">{formatCount(point.n, lang)}</td>}
              <td className="num">{formatRange(unit, point.lower, point.upper, lang)}</td>
              <td
                className="anomaly"
                style={{ color: point.anomaly === 'high' ? ANOMALY_HIGH_COLOUR : ANOMALY_LOW_COLOUR }}
              >
                {point.anomaly === 'high' ? '▲ ' : '▼ '}
                {t(ANOMALY_TEXT[point.anomaly === 'high' ? 'high' : 'low'])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS ? (
        <p className="footnote">
          {t({
            zh: `共 ${rows.length} 个异常，只列出最早的 ${MAX_ROWS} 个；缩短时间范围或改用更粗的粒度可看到其余的。`,
            en: `${rows.length} anomalies; the first ${MAX_ROWS} are listed. Shorten the range or use a coarser step to see the rest.`,
          })}
        </p>
      ) : null}
    </>
  );
}
