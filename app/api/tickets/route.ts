import { ARROW_STREAM } from '@/lib/db/arrow';
import { fetchTicketList, queryTicketListArrow, TICKET_LIST_VIEW } from '@/lib/queries/ticket-list';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * One page of the ticket list (flag, sort, order, page, pageSize). JSON (TicketList) by default; the page's rows
 * (TicketListRow columns) as an Arrow stream when Accept asks for application/vnd.apache.arrow.stream, with the
 * total, page and page size in x-total-count, x-page and x-page-size.
 */
export const GET = dashboardRoute(
  { reveals: 'tickets', honours: ['region', 'dept'], audit: 'view' },
  TICKET_LIST_VIEW,
  async ({ filters, view, request }) => {
    if (request.headers.get('accept')?.includes(ARROW_STREAM)) {
      const { table, total, page, pageSize } = await queryTicketListArrow(filters, view);
      return {
        arrow: table,
        headers: { 'x-total-count': String(total), 'x-page': String(page), 'x-page-size': String(pageSize) },
      };
    }
    return { json: await fetchTicketList(filters, view) };
  },
);
