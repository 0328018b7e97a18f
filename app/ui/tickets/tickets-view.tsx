'use client';

import { useQuery } from '@tanstack/react-query';
import type { TicketSort } from '@/lib/sql/ticket-selection';
import { ticketQueries } from '../data/ticket-queries';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { ViewHeading } from '../frame/view-heading';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';
import { TextFilterChip } from '../words/text-filter-chip';
import { TicketExportLinks } from './ticket-export-links';
import { TicketPagination } from './ticket-pagination';
import { TicketSelectionBar } from './ticket-selection-bar';
import { TicketTable } from './ticket-table';
import { firstTicketOrder } from './ticket-text';
import { useTicketView } from './use-ticket-view';

/**
 * 诉求清单, the tickets behind every number: the filters plus a flag, one page at a time in the order picked, and
 * the whole selection as a file. Everything that picks the tickets lives in the URL, so a link from a KPI, a
 * department or a data note opens exactly its tickets. `exportCap` and `contentChars` come from the server page.
 */
export function TicketsView({ exportCap, contentChars }: { exportCap: number; contentChars: number }) {
  const { filters, update } = useDashboardFilters();
  const { t } = useText();
  const view = useTicketView();
  const query = useQuery(ticketQueries.page(filters, view));
  const total = query.data?.total;

  const onSort = (sort: TicketSort) =>
    update({
      sort,
      order: sort === view.sort ? (view.order === 'asc' ? 'desc' : 'asc') : firstTicketOrder(sort),
      page: null,
    });

  let content: React.ReactNode;
  if (query.isPending) content = <Loading height={480} />;
  else if (query.isError) content = <ErrorNotice error={query.error} height={240} />;
  else if (query.data.total === 0)
    content = (
      <Empty height={240}>
        {t({
          zh: '没有符合条件的诉求。请放宽时间范围、筛选条件或取消标记。',
          en: 'No tickets match. Widen the dates, remove a filter or the flag.',
        })}
      </Empty>
    );
  else
    content = (
      <>
        {query.data.rows.length === 0 ? (
          <Empty height={160}>
            {t({ zh: '这一页没有诉求：页码超出了范围。', en: 'This page is past the last one.' })}
          </Empty>
        ) : (
          <TicketTable
            rows={query.data.rows}
            view={view}
            onSort={onSort}
            busy={query.isPlaceholderData}
            contentChars={contentChars}
          />
        )}
        <TicketPagination
          page={view.page}
          pageSize={view.pageSize}
          total={query.data.total}
          onPage={(page) => update({ page: page > 1 ? String(page) : null })}
          onPageSize={(pageSize) => update({ pageSize: pageSize === '50' ? null : pageSize, page: null })}
        />
      </>
    );

  return (
    <>
      <ViewHeading title={{ zh: '诉求清单', en: 'Tickets' }} />
      <TextFilterChip />
      <TicketSelectionBar flag={view.flag} total={total} onFlag={(flag) => update({ flag, page: null })} />
      <Panel
        title={t({ zh: '诉求明细', en: 'Ticket details' })}
        actions={<TicketExportLinks filters={filters} selection={view} total={total} cap={exportCap} />}
        testId="tickets"
      >
        {content}
        <p className="footnote">
          {t({
            zh: '标题、内容和地址在入库时已脱敏，清单不含来电人信息。',
            en: 'Titles, content and addresses were masked at load; the list holds nothing about the caller.',
          })}
        </p>
      </Panel>
    </>
  );
}
