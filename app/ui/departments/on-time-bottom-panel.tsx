'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  ON_TIME_BOTTOM_COUNT,
  type OnTimeDepartment,
  onTimeBottomOption,
} from '@/lib/charts/on-time-bottom-option';
import { RISE_COLOUR } from '@/lib/charts/palette';
import { EChart } from '../charts/echart';
import { departmentQueries } from '../data/department-queries';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount, formatShare } from '../format';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';

/**
 * The ten ranked departments that close fewest tickets on time, against the median department: the question a
 * leader asks of this view first ("who is late?"). Only ranked departments (enough tickets) take part; a click on
 * a bar filters every view to that department.
 *
 * Unlike the other widgets the chart ignores the department filter, which would leave one bar with nothing to be
 * compared with: it keeps every department and outlines the picked one (below the ten when it is not among them).
 * Without a department filter this is the table's own request.
 */
export function OnTimeBottomPanel() {
  const { filters, update } = useDashboardFilters();
  const { t, lang } = useText();
  const { dept, ...everyDepartment } = filters;
  const query = useQuery(departmentQueries.scorecard(everyDepartment));

  const departments = useMemo<OnTimeDepartment[]>(
    () =>
      (query.data?.rows ?? [])
        .filter((r) => r.enoughTickets)
        .map((r) => ({
          department: r.department,
          onTimeRate: r.current.onTimeRate,
          tickets: r.current.tickets,
        })),
    [query.data],
  );
  const option = useMemo(
    () =>
      onTimeBottomOption(departments, {
        colour: RISE_COLOUR,
        highlight: dept,
        labels: {
          seriesName: t({ zh: '按期办结率', en: 'Closed on time' }),
          share: (rate) => formatShare(rate, lang, 0),
          tooltip: (d) =>
            `${d.department}<br/>${t({ zh: '按期办结率 ', en: 'Closed on time ' })}${formatShare(d.onTimeRate, lang)}` +
            ` · ${formatCount(d.tickets, lang)} ${t({ zh: '件', en: 'tickets' })}`,
          median: (rate) => `${t({ zh: '中位 ', en: 'Median ' })}${formatShare(rate, lang)}`,
        },
      }),
    [departments, dept, lang, t],
  );

  let content: React.ReactNode;
  if (query.isPending) content = <Loading height={340} />;
  else if (query.isError) content = <ErrorNotice error={query.error} height={340} />;
  else if (departments.every((d) => d.onTimeRate === null))
    content = (
      <Empty height={340}>
        {t({
          zh: '没有参与排名、且有办理时限的部门。',
          en: 'No ranked department has tickets with due times.',
        })}
      </Empty>
    );
  else
    content = (
      <>
        <EChart
          option={option}
          height={Math.max(120, 48 + Math.min(departments.length, ON_TIME_BOTTOM_COUNT) * 32)}
          label={t({ zh: '按期办结率最低的部门', en: 'Departments closing fewest tickets on time' })}
          onClick={(click) => {
            const department = (click.data as OnTimeDepartment | undefined)?.department;
            if (department) update({ dept: department });
          }}
        />
        <p className="footnote">
          {t({
            zh: '只含参与排名的部门；红色低于各部门中位数（虚线）。点击条形只看该部门。',
            en: 'Ranked departments only; red bars are below the median department (dashed). Click a bar to show only that department.',
          })}
          {dept
            ? departments.some((d) => d.department === dept)
              ? t({
                  zh: '所选部门加框标出；本图不按部门筛选，以便比较。',
                  en: ' The department picked is outlined; this chart keeps every department, for comparison.',
                })
              : t({
                  zh: '所选部门件数不足，不参与排名，未列入本图。',
                  en: ' The department picked has too few tickets to be ranked, so it is not in this chart.',
                })
            : null}
        </p>
      </>
    );
  return (
    <Panel title={t({ zh: '按期办结率最低的部门', en: 'Lowest on-time closure' })} testId="on-time-bottom">
      {content}
    </Panel>
  );
}
