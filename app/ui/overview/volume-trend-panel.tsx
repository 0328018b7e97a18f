'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { volumeTrendOption } from '@/lib/charts/volume-trend-option';
import { clampRange } from '@/lib/filters/periods';
import { periodEnd, TIME_GRAINS, type TimeGrain } from '@/lib/sql/time-grain';
import { EChart } from '../charts/echart';
import { overviewQueries } from '../data/overview-queries';
import { useDashboardFilters, useViewParam } from '../filters/use-dashboard-filters';
import type { Text } from '../i18n/lang';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';

const GRAIN_TEXT: Record<TimeGrain, Text> = {
  day: { zh: '日', en: 'Day' },
  week: { zh: '周', en: 'Week' },
  month: { zh: '月', en: 'Month' },
};

/** The default step for a range: days up to two months, weeks up to a year, months beyond. */
export function defaultGrain(from: string, to: string): TimeGrain {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}

/** Appeal volume over the range with last year's line, at day, week or month steps (kept in the URL). */
export function VolumeTrendPanel() {
  const { filters, update, filterQuery } = useDashboardFilters();
  const router = useRouter();
  const { t, lang } = useText();
  const grain = useViewParam('grain', TIME_GRAINS, defaultGrain(filters.from, filters.to));
  const query = useQuery(overviewQueries.volumeTrend(filters, grain));
  const currentLabel = t({ zh: '本期', en: 'This period' });
  const option = useMemo(
    () =>
      query.data
        ? volumeTrendOption(query.data, {
            current: currentLabel,
            lastYear: t({ zh: '去年同期', en: 'Same period last year' }),
            period: (start) =>
              grain === 'month'
                ? lang === 'en'
                  ? start.slice(0, 7)
                  : `${start.slice(0, 4)}年${Number(start.slice(5, 7))}月`
                : lang === 'en'
                  ? start.slice(5)
                  : `${Number(start.slice(5, 7))}月${Number(start.slice(8, 10))}日`,
          })
        : null,
    [query.data, grain, lang, t, currentLabel],
  );

  const actions = (
    <fieldset className="segmented">
      <legend className="visually-hidden">{t({ zh: '时间粒度', en: 'Step' })}</legend>
      {TIME_GRAINS.map((g) => (
        <button key={g} type="button" aria-pressed={g === grain} onClick={() => update({ grain: g })}>
          {t(GRAIN_TEXT[g])}
        </button>
      ))}
    </fieldset>
  );

  return (
    <Panel title={t({ zh: '诉求量趋势', en: 'Appeal volume' })} actions={actions} testId="volume-trend">
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : query.data.every((p) => p.tickets === 0) ? (
        <Empty />
      ) : option ? (
        <>
          <EChart
            option={option}
            label={t({
              zh: '诉求量趋势图（点击查看该时段诉求）',
              en: 'Appeal volume chart (click a step for its tickets)',
            })}
            onClick={(click) => {
              // A step drills into its tickets, clipped to the selected range (a week may start before it).
              const start = query.data[click.dataIndex]?.period;
              if (!start || click.seriesName !== currentLabel) return;
              const params = new URLSearchParams(filterQuery);
              const step = clampRange({ from: start, to: periodEnd(grain, start) }, filters);
              params.set('from', step.from);
              params.set('to', step.to);
              router.push(`/tickets?${params}`);
            }}
          />
          <p className="chart-total" data-testid="volume-trend-total">
            {t({ zh: '合计 ', en: 'Total ' })}
            <strong>
              {query.data
                .reduce((sum, p) => sum + p.tickets, 0)
                .toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN')}
            </strong>
            {t({ zh: ' 件', en: ' appeals' })}
          </p>
        </>
      ) : null}
    </Panel>
  );
}
