'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type TicketPage, ticketQueries } from '../data/ticket-queries';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount } from '../format';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';
import { categoryNames, statusText, wallClock } from '../tickets/ticket-text';

/**
 * The first page of the overdue list, twenty tickets, the most recently received first: those are the ones still
 * open past their due time that someone can act on; the oldest would be last winter's, long since closed late.
 */
const OVERDUE_PAGE: TicketPage = {
  flag: 'overdue',
  sort: 'received_at',
  order: 'desc',
  page: 1,
  pageSize: 20,
};

/**
 * 超期清单: the overdue tickets under the current filters (a department, when one is picked), the newest first,
 * with a link to the whole list on the tickets view.
 */
export function OverduePanel() {
  const { filters, filterQuery } = useDashboardFilters();
  const { t, lang } = useText();
  // No placeholder: after a filter change the old department's tickets must not stay on screen.
  const query = useQuery({ ...ticketQueries.page(filters, OVERDUE_PAGE), placeholderData: undefined });
  const params = new URLSearchParams(filterQuery);
  params.set('flag', 'overdue');
  params.set('sort', 'received_at');
  params.set('order', 'desc');
  const allHref = `/tickets?${params}`;

  let content: React.ReactNode;
  if (query.isPending) content = <Loading height={340} />;
  else if (query.isError) content = <ErrorNotice error={query.error} height={340} />;
  else if (query.data.total === 0)
    content = (
      <Empty height={200}>
        {t({ zh: '所选条件下没有超期诉求。', en: 'No overdue tickets under these filters.' })}
      </Empty>
    );
  else
    content = (
      <>
        <div className="scroll-x">
          <table className="overdue-list" data-testid="overdue-table">
            <thead>
              <tr>
                <th scope="col">{t({ zh: '受理', en: 'Received' })}</th>
                <th scope="col">{t({ zh: '时限', en: 'Due' })}</th>
                <th scope="col">{t({ zh: '承办部门', en: 'Department' })}</th>
                <th scope="col">{t({ zh: '诉求', en: 'Appeal' })}</th>
                <th scope="col">{t({ zh: '状态', en: 'Status' })}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.rows.map((row) => {
                const category = categoryNames(row, lang);
                return (
                  <tr key={row.ticketId} data-ticket-id={row.ticketId}>
                    <td className="nowrap">{wallClock(row.receivedAt, true)}</td>
                    <td className="nowrap">{wallClock(row.dueAt, true)}</td>
                    <td title={row.department ?? undefined}>{row.department ?? '—'}</td>
                    <td className="appeal-cell" title={row.title ?? row.content ?? undefined}>
                      <span className="muted">{category.l2 ?? category.l1}</span>
                      {row.title ?? row.content ?? ''}
                    </td>
                    <td className={`nowrap status ${row.status === 'closed' ? '' : 'open'}`}>
                      {t(statusText(row))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="footnote">
          {t({ zh: '最近受理的在前。', en: 'Most recently received first. ' })}
          <Link href={allHref} data-testid="overdue-all">
            {lang === 'en'
              ? `All ${formatCount(query.data.total, lang)} overdue tickets →`
              : `查看全部 ${formatCount(query.data.total, lang)} 件超期诉求 →`}
          </Link>
        </p>
      </>
    );
  return (
    <Panel title={t({ zh: '超期清单', en: 'Overdue tickets' })} testId="overdue-list">
      {content}
    </Panel>
  );
}
