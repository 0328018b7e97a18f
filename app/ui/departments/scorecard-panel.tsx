'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SORT_ORDERS } from '@/lib/sql/ticket-selection';
import { departmentQueries } from '../data/department-queries';
import { useDashboardFilters, useViewParam } from '../filters/use-dashboard-filters';
import { formatShare } from '../format';
import type { Text } from '../i18n/lang';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';
import { firstOrder, SCORECARD_COLUMNS, SCORECARD_SORTS, sortScorecardRows } from './scorecard-columns';
import { ScorecardRow } from './scorecard-row';
import { SortableHeader } from './sortable-header';

const FORMULA_ID = 'department-score-formula';

/**
 * The 考评 table: departments with enough tickets ranked by score, then (after a separator, folded by default)
 * those with too few to rank. Headers sort in the browser; the column and order live in the URL (`sort`, `order`)
 * so a sorted table can be shared. `formula` and `minTickets` come from the server page, which may import lib.
 */
export function ScorecardPanel({ formula, minTickets }: { formula: Text; minTickets: number }) {
  const { filters, filterQuery, update } = useDashboardFilters();
  const { t, lang } = useText();
  const sort = useViewParam('sort', SCORECARD_SORTS, 'rank');
  const order = useViewParam('order', SORT_ORDERS, firstOrder(sort));
  const [showUnranked, setShowUnranked] = useState(false);
  const query = useQuery(departmentQueries.scorecard(filters));

  const overdueHref = (department: string) => {
    const params = new URLSearchParams(filterQuery);
    params.set('dept', department);
    params.set('flag', 'overdue');
    return `/tickets?${params}`;
  };
  const onSort = (id: (typeof SCORECARD_SORTS)[number]) =>
    update({ sort: id, order: id === sort ? (order === 'asc' ? 'desc' : 'asc') : firstOrder(id) });
  const onSelect = (department: string) => update({ dept: department });

  let content: React.ReactNode;
  if (query.isPending) content = <Loading height={420} />;
  else if (query.isError) content = <ErrorNotice error={query.error} height={420} />;
  else if (query.data.rows.length === 0) content = <Empty height={200} />;
  else {
    const rows = (ranked: boolean) =>
      sortScorecardRows(
        query.data.rows.filter((r) => r.enoughTickets === ranked),
        sort,
        order,
      ).map((row) => (
        <ScorecardRow
          key={row.department}
          row={row}
          onSelect={onSelect}
          overdueHref={overdueHref(row.department)}
        />
      ));
    const unranked = query.data.rows.filter((r) => !r.enoughTickets).length;
    const { previous } = query.data.ranges;
    content = (
      <>
        <div className="scroll-x">
          <table className="scorecard" data-testid="scorecard-table">
            <thead>
              <tr>
                {SCORECARD_COLUMNS.map((column) => (
                  <SortableHeader
                    key={column.id}
                    label={t(column.header)}
                    sorted={column.id === sort}
                    order={order}
                    onSort={() => onSort(column.id)}
                    numeric={column.kind !== 'text' && column.kind !== 'rank'}
                    hint={column.hint ? t(column.hint) : undefined}
                    describedBy={column.kind === 'score' ? FORMULA_ID : undefined}
                    className={column.kind === 'score' ? 'score-header' : undefined}
                  >
                    {column.kind === 'score' ? (
                      <span className="formula-tip" id={FORMULA_ID} role="tooltip">
                        {t(formula)}
                      </span>
                    ) : null}
                  </SortableHeader>
                ))}
              </tr>
            </thead>
            <tbody>{rows(true)}</tbody>
            {unranked > 0 ? (
              <tbody data-testid="unranked">
                <tr className="separator">
                  <td colSpan={SCORECARD_COLUMNS.length}>
                    <span>
                      {lang === 'en'
                        ? `${unranked} ${unranked === 1 ? 'department' : 'departments'} with fewer than ${minTickets} tickets: listed but not ranked, as a few tickets make their rates swing.`
                        : `以下 ${unranked} 个部门件数不足 ${minTickets} 件：只列出数字、不参与排名（件数太少，比率波动大）。`}
                    </span>
                    <button
                      type="button"
                      className="link separator-toggle"
                      aria-expanded={showUnranked}
                      onClick={() => setShowUnranked(!showUnranked)}
                    >
                      {showUnranked ? t({ zh: '收起', en: 'Hide' }) : t({ zh: '展开', en: 'Show' })}
                    </button>
                  </td>
                </tr>
                {showUnranked ? rows(false) : null}
              </tbody>
            ) : null}
          </table>
        </div>
        <p className="footnote">
          {t({
            zh: '综合得分（0–100）按复杂度加权：跨部门办理、督办/提级、重复诉求的诉求分值更高，办好难办的诉求得分更多；件数少的部门向全市水平靠拢，不会因偶然全部办好而排到前列。',
            en: 'The score (0–100) is weighted by complexity: cross-department, escalated and repeat appeals weigh more, so handling hard tickets well earns more; small departments are pulled toward the city level, so a few lucky tickets cannot top the list.',
          })}{' '}
          {t({
            zh: '将鼠标移到“综合得分”上可查看公式。',
            en: 'Hover over or focus “Score” for the formula.',
          })}{' '}
          {t({ zh: '▲▼ 为与上期（', en: '▲▼ compare with the previous period (' })}
          {previous.from} – {previous.to}
          {t({ zh: '）相比的名次变化；全市妥善办理率 ', en: '); city rate of tickets handled well ' })}
          {formatShare(query.data.cityRate.current, lang)}
          {t({ zh: '。点击部门名称只看该部门。', en: '. Click a department to show only it.' })}
        </p>
      </>
    );
  }
  const actions = filters.dept ? (
    <button type="button" className="link" onClick={() => update({ dept: null })}>
      {t({ zh: '显示全部部门', en: 'Show all departments' })}
    </button>
  ) : null;
  return (
    <Panel
      title={t({ zh: '部门考评排名', en: 'Department ranking' })}
      actions={actions}
      className="wide"
      testId="scorecard"
    >
      {content}
    </Panel>
  );
}
