'use client';

import { useMemo } from 'react';
import { backtestOption } from '@/lib/charts/forecast-option';
import type {
  ForecastBacktestPoint,
  ForecastSeriesSummary,
  ForecastViewStep,
} from '@/lib/queries/forecast-view';
import { EChart } from '../charts/echart';
import { useText } from '../i18n/preferences';
import { periodShort } from '../trends/trend-text';
import { fallbackText, formatExpected, formatPercent, formatRatio, modelName } from './forecast-text';

/**
 * "How good has this forecast been?": the chosen model's backtest errors beside the baseline's and every other
 * model tried, and its past forecasts drawn against what happened.
 */
export function BacktestPanel({
  series,
  backtests,
  step,
}: {
  series: ForecastSeriesSummary;
  backtests: readonly ForecastBacktestPoint[];
  step: ForecastViewStep;
}) {
  const { t, lang } = useText();
  const option = useMemo(
    () =>
      backtestOption(backtests, {
        period: (start) => periodShort(step, start, lang, true),
        count: (v) => formatExpected(v, lang),
        actual: t({ zh: '实际', en: 'Actual' }),
        predicted: t({ zh: '当时的预测（每条线一个起点）', en: 'Forecast made then (a line per origin)' }),
      }),
    [backtests, step, lang, t],
  );
  const ratio = series.mase !== null && series.baselineMase ? series.mase / series.baselineMase : null;
  const origins = new Set(backtests.map((b) => b.origin)).size;
  return (
    <div data-testid="backtest">
      <p>
        {t({ zh: '采用的模型：', en: 'Model used: ' })}
        <strong data-testid="chosen-model">{modelName(series.model, lang)}</strong>
        {series.fallbackReason ? (
          <span className="muted" data-testid="fallback-reason">
            {' '}
            — {fallbackText(series.fallbackReason, lang)}
          </span>
        ) : null}
      </p>
      {series.mase === null ? (
        <p>{t({ zh: '这个序列太短，无法回测。', en: 'This series is too short to backtest.' })}</p>
      ) : (
        <>
          <p data-testid="backtest-summary">
            {t({
              zh: `从过去 ${origins} 个时点出发重新预测并与实际比较：平均误差是“去年同期”基准的 ${formatPercent(ratio, lang)}（MASE ${formatRatio(series.mase, lang)}，基准 ${formatRatio(series.baselineMase, lang)}）；95% 区间覆盖了 ${formatPercent(series.coverage95, lang)} 的实际值，80% 区间覆盖了 ${formatPercent(series.coverage80, lang)}。`,
              en: `Re-forecast from ${origins} past points and compared with what happened: its average error is ${formatPercent(ratio, lang)} of the "same period last year" baseline's (MASE ${formatRatio(series.mase, lang)}, baseline ${formatRatio(series.baselineMase, lang)}); the 95% interval held ${formatPercent(series.coverage95, lang)} of the actual values, the 80% interval ${formatPercent(series.coverage80, lang)}.`,
            })}
          </p>
          <div className="table-scroll">
            <table data-testid="backtest-models">
              <thead>
                <tr>
                  <th scope="col">{t({ zh: '模型', en: 'Model' })}</th>
                  <th scope="col" className="num">
                    MASE
                  </th>
                  <th scope="col" className="num">
                    sMAPE
                  </th>
                  <th scope="col" className="num">
                    {t({ zh: '80% 覆盖', en: '80% coverage' })}
                  </th>
                  <th scope="col" className="num">
                    {t({ zh: '95% 覆盖', en: '95% coverage' })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {series.candidates.map((c) => (
                  <tr key={c.model} data-model={c.model}>
                    <th scope="row">
                      {modelName(c.model, lang)}
                      {c.model === series.model ? t({ zh: '（采用）', en: ' (used)' }) : ''}
                    </th>
                    <td className="num">{formatRatio(c.mase, lang)}</td>
                    <td className="num">{formatPercent(c.smape, lang)}</td>
                    <td className="num">{formatPercent(c.coverage80, lang)}</td>
                    <td className="num">{formatPercent(c.coverage95, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <EChart
            option={option}
            height={260}
            label={t({
              zh: '回测：当时的预测与实际',
              en: 'Backtest: forecasts made then against what happened',
            })}
          />
          <p className="footnote">
            {t({
              zh: 'MASE：平均绝对误差 ÷ 去年同期法在历史上的平均误差，低于 1 即比照抄去年更准。sMAPE：对称平均百分比误差（0–200%）。覆盖率：实际值落在区间内的比例，95% 区间理想为 90–98%。',
              en: 'MASE: mean absolute error ÷ the in-sample error of copying the same period last year; below 1 beats copying last year. sMAPE: symmetric mean absolute percentage error (0–200%). Coverage: the share of actual values inside the interval; about 90–98% is right for a 95% interval.',
            })}
          </p>
        </>
      )}
    </div>
  );
}
