'use client';

import { useMemo } from 'react';
import { forecastOption } from '@/lib/charts/forecast-option';
import type { ForecastPoint, ForecastViewStep } from '@/lib/queries/forecast-view';
import { EChart } from '../charts/echart';
import { useText } from '../i18n/preferences';
import { periodLong, periodShort } from '../trends/trend-text';
import { formatExpected } from './forecast-text';

/**
 * History and forecast with their 80% and 95% bands, and the forecast's numbers as a table (what a screen reader
 * reads, and what the browser test checks against the stored table).
 */
export function ForecastChart({
  points,
  step,
}: {
  points: readonly ForecastPoint[];
  step: ForecastViewStep;
}) {
  const { t, lang } = useText();
  const option = useMemo(
    () =>
      forecastOption(points, {
        period: (start) => periodShort(step, start, lang, true),
        count: (v) => formatExpected(v, lang),
        actual: t({ zh: '实际', en: 'Actual' }),
        forecast: t({ zh: '预测', en: 'Forecast' }),
        band80: t({ zh: '80% 区间', en: '80% interval' }),
        band95: t({ zh: '95% 区间', en: '95% interval' }),
      }),
    [points, step, lang, t],
  );
  const ahead = points.filter((p) => p.kind === 'forecast');
  return (
    <>
      <EChart
        option={option}
        height={360}
        label={t({
          zh: '诉求量的历史与预测（预测数值见下表）',
          en: "Appeals, history and forecast (the table below has the forecast's numbers)",
        })}
      />
      <details className="trend-table" data-testid="forecast-table" open>
        <summary>
          {t({ zh: `预测数值（${ahead.length} 期）`, en: `Forecast values (${ahead.length} periods)` })}
        </summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t({ zh: '时期', en: 'Period' })}</th>
                <th scope="col" className="num">
                  {t({ zh: '预计诉求量', en: 'Expected appeals' })}
                </th>
                <th scope="col" className="num">
                  {t({ zh: '80% 区间', en: '80% interval' })}
                </th>
                <th scope="col" className="num">
                  {t({ zh: '95% 区间', en: '95% interval' })}
                </th>
              </tr>
            </thead>
            <tbody>
              {ahead.map((p) => (
                <tr key={p.periodStart} data-period={p.periodStart}>
                  <th scope="row">{periodLong(step, p.periodStart, lang)}</th>
                  <td className="num" data-field="mean">
                    {formatExpected(p.mean, lang)}
                  </td>
                  <td className="num">
                    {formatExpected(p.lo80, lang)} – {formatExpected(p.hi80, lang)}
                  </td>
                  <td className="num">
                    {formatExpected(p.lo95, lang)} – {formatExpected(p.hi95, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
