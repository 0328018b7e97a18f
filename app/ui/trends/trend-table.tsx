'use client';

import { KPIS } from '@/lib/sql/kpis';
import type { TrendView } from '../data/trend-queries';
import { formatCount } from '../format';
import { useText } from '../i18n/preferences';
import type { Trend } from './trend-rows';
import { ANOMALY_TEXT, formatMetric, periodLong, seriesName } from './trend-text';

/**
 * The trend's numbers, period × series: what a screen reader (or a spreadsheet) gets instead of the chart. Rates and
 * times show their n; anomalies and partial periods are marked in words, not only by colour. Collapsed by default.
 */
export function TrendTable({ trend, view }: { trend: Trend; view: TrendView }) {
  const { t, lang } = useText();
  const unit = KPIS[view.metric].unit;
  const partial = trend.series.some((s) => s.points.some((p) => p.partial));
  return (
    <details className="trend-table" data-testid="trend-table">
      <summary>
        {t({
          zh: `数据表（${trend.periods.length} 期 × ${trend.series.length} 个系列）`,
          en: `Data table (${trend.periods.length} periods × ${trend.series.length} series)`,
        })}
      </summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">
            {t(KPIS[view.metric].name)}
            {t({ zh: '，按时期与系列', en: ', by period and series' })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t({ zh: '时期', en: 'Period' })}</th>
              {trend.series.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {seriesName(s, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.periods.map((period, i) => (
              <tr key={period}>
                <th scope="row">
                  {periodLong(view.grain, period, lang)}
                  {trend.series[0]?.points[i]?.partial ? ' *' : ''}
                </th>
                {trend.series.map((s) => {
                  const p = s.points[i];
                  if (!p) return <td key={s.key} />;
                  return (
                    <td key={s.key} className="num" data-series={s.key} data-period={period}>
                      <span className="value">{formatMetric(unit, p.value, lang)}</span>
                      {unit === 'count' ? null : <span className="n"> n={formatCount(p.n, lang)}</span>}
                      {p.anomaly ? (
                        <span className={`flag ${p.anomaly}`}>
                          {p.anomaly === 'high' ? ' ▲' : ' ▼'}
                          <span className="visually-hidden">{t(ANOMALY_TEXT[p.anomaly])}</span>
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {partial ? (
        <p className="footnote">
          {t({
            zh: '* 不完整的时期：时间范围或数据只覆盖其中几天。',
            en: '* Partial period: the range or the data cover only some of its days.',
          })}
        </p>
      ) : null}
    </details>
  );
}
