import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import type { Lang } from '@/lib/i18n/codes';
import type { TicketListRow } from '@/lib/queries/ticket-list';
import type { SortOrder, TicketFlag, TicketSort } from '@/lib/sql/ticket-selection';
import { apiUrl } from './api-client';
import { getArrowPage } from './arrow-page';

/** Which tickets a list shows besides the filters, and in what order (the API's flag, sort and order). */
export interface TicketSelection {
  flag: TicketFlag | null;
  sort: TicketSort;
  order: SortOrder;
}

export interface TicketPage extends TicketSelection {
  /** 1-based. */
  page: number;
  pageSize: number;
}

const selectionParams = (s: TicketSelection) => ({ flag: s.flag ?? undefined, sort: s.sort, order: s.order });

/** One queryOptions factory per ticket-list API call; every filter and view value is part of the key. */
export const ticketQueries = {
  /**
   * One page of the list as Arrow, the format for large results: a page is up to 200 rows of 27 columns with
   * 300-character texts, and JSON would repeat every key in every row. The total travels in a header.
   * The previous page stays on screen while the next one loads, so paging does not blank the table.
   */
  page: (filters: Filters, view: TicketPage) =>
    queryOptions({
      queryKey: ['tickets', filters, view.flag, view.sort, view.order, view.page, view.pageSize],
      queryFn: ({ signal }) =>
        getArrowPage<TicketListRow>(
          apiUrl('/api/tickets', filters, {
            ...selectionParams(view),
            page: view.page,
            pageSize: view.pageSize,
          }),
          signal,
        ),
      placeholderData: keepPreviousData,
    }),
};

/**
 * The export of a whole selection (every page) as a file, headers in the reader's language. A plain link: the
 * browser downloads it, and the route refuses page parameters.
 */
export function ticketExportUrl(
  filters: Filters,
  selection: TicketSelection,
  format: 'csv' | 'xlsx',
  lang: Lang,
): string {
  return apiUrl('/api/tickets/export', filters, { ...selectionParams(selection), format, lang });
}
