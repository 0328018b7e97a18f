'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { SORT_ORDERS, TICKET_FLAGS, TICKET_SORTS, type TicketFlag } from '@/lib/sql/ticket-selection';
import type { TicketPage } from '../data/ticket-queries';
import { useViewParam } from '../filters/use-dashboard-filters';

/** The page sizes a reader can pick; the API allows up to 200. */
export const PAGE_SIZES = ['20', '50', '100', '200'] as const;

/** `all` stands for "no flag": useViewParam needs a value for the default. */
const FLAG_CHOICES: readonly (TicketFlag | 'all')[] = [...TICKET_FLAGS, 'all'];

/**
 * The ticket list's view parameters from the URL (flag, sort, order, page, pageSize), with the API's defaults:
 * newest first, 50 a page. A value the list does not know is read as the default rather than sent on.
 */
export function useTicketView(): TicketPage {
  const flag = useViewParam('flag', FLAG_CHOICES, 'all');
  const sort = useViewParam('sort', TICKET_SORTS, 'received_at');
  const order = useViewParam('order', SORT_ORDERS, 'desc');
  const pageSize = Number(useViewParam('pageSize', PAGE_SIZES, '50'));
  const rawPage = Number(useSearchParams().get('page') ?? '1');
  const page = Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1;
  return useMemo(
    () => ({ flag: flag === 'all' ? null : flag, sort, order, page, pageSize }),
    [flag, sort, order, page, pageSize],
  );
}
