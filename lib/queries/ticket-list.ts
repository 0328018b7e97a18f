import type { DuckDBValue } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { z } from 'zod';
import { borrowConnection } from '../db/read-only-warehouse';
import { type Filters, FiltersError } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';
import {
  flagSql,
  orderBySql,
  SORT_ORDERS,
  type SortOrder,
  TICKET_FLAGS,
  TICKET_SORTS,
  type TicketFlag,
  type TicketSort,
} from '../sql/ticket-selection';

/**
 * One ticket as the list (and the export) shows it: codes with their names, wall-clock times as
 * 'YYYY-MM-DD HH:MM:SS' in the deployment's zone. Title, content and address are masked at load (docs/privacy.md);
 * the caller key is never selected.
 */
export interface TicketListRow {
  ticketId: string;
  channel: string;
  receivedAt: string;
  closedAt: string | null;
  dueAt: string | null;
  /** consult | help | complaint | report | suggestion | praise | other */
  appealType: string | null;
  categoryL1: string | null;
  categoryL1Zh: string | null;
  categoryL1En: string | null;
  categoryL2: string | null;
  categoryL2Zh: string | null;
  categoryL2En: string | null;
  countyCode: string | null;
  countyName: string | null;
  townCode: string | null;
  townName: string | null;
  department: string | null;
  /** open | in_progress | closed | cancelled */
  status: string | null;
  resolved: boolean | null;
  /** satisfied | basically_satisfied | dissatisfied */
  satisfaction: string | null;
  overdue: boolean | null;
  handlingHours: number | null;
  title: string | null;
  /** Cut to LIST_CONTENT_CHARS characters in the list; `contentTruncated` says when it was. */
  content: string | null;
  contentTruncated: boolean;
  address: string | null;
}

/** One page of the ticket list; `total` counts every ticket the filters and flag select. */
export interface TicketList {
  total: number;
  page: number;
  pageSize: number;
  rows: TicketListRow[];
}

/** Which tickets (besides the Filters) and in what order. */
export interface TicketSelection {
  flag?: TicketFlag;
  sort: TicketSort;
  order: SortOrder;
}

export interface TicketListOptions extends TicketSelection {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 200;
export const MAX_PAGE = 1_000_000;
export const LIST_CONTENT_CHARS = 300;

/** The view parameters of a ticket selection, as API routes validate them (see lib/filters/request.ts). */
export const TICKET_SELECTION_VIEW = {
  flag: z.enum(TICKET_FLAGS).optional(),
  sort: z.enum(TICKET_SORTS).default('received_at'),
  order: z.enum(SORT_ORDERS).default('desc'),
};

export const TICKET_LIST_VIEW = {
  ...TICKET_SELECTION_VIEW,
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
};

interface BoundQuery {
  sql: string;
  params: Record<string, DuckDBValue>;
}

function selectedWhere(filters: Filters, flag: TicketFlag | undefined): BoundQuery {
  const where = filtersWhere(filters, 'tickets');
  return { sql: `${where.sql} AND ${flagSql(flag)}`, params: where.params };
}

/** How many tickets the filters and flag select. */
export function ticketCountQuery(filters: Filters, flag: TicketFlag | undefined): BoundQuery {
  const where = selectedWhere(filters, flag);
  return { sql: `SELECT count(*)::INTEGER AS n FROM tickets ${where.sql}`, params: where.params };
}

const time = (column: string) => `strftime(p.${column}, '%Y-%m-%d %H:%M:%S')`;

/**
 * The selected tickets as TicketListRow, `limit` rows from `offset`, content cut to `contentChars`. The page is
 * picked from `tickets` alone and only its rows are joined with the names.
 */
export function ticketRowsQuery(
  filters: Filters,
  selection: TicketSelection,
  window: { limit: number; offset: number; contentChars: number },
): BoundQuery {
  const where = selectedWhere(filters, selection.flag);
  return {
    sql: `WITH p AS (
        SELECT ticket_id, channel, received_at, closed_at, due_at, appeal_type, category_l1, category_l2,
               county_code, town_code, department, status, resolved, satisfaction, overdue, handling_hours,
               title, content, address
        FROM tickets ${where.sql}
        ${orderBySql(selection.sort, selection.order)}
        LIMIT $limit OFFSET $offset)
      SELECT p.ticket_id AS "ticketId", p.channel, ${time('received_at')} AS "receivedAt",
             ${time('closed_at')} AS "closedAt", ${time('due_at')} AS "dueAt", p.appeal_type AS "appealType",
             p.category_l1 AS "categoryL1", c1.name_zh AS "categoryL1Zh", c1.name_en AS "categoryL1En",
             p.category_l2 AS "categoryL2", c2.name_zh AS "categoryL2Zh", c2.name_en AS "categoryL2En",
             p.county_code AS "countyCode", county.name AS "countyName",
             p.town_code AS "townCode", town.name AS "townName",
             p.department, p.status, p.resolved, p.satisfaction, p.overdue, p.handling_hours AS "handlingHours",
             p.title, left(p.content, $contentChars) AS content,
             coalesce(length(p.content) > $contentChars, false) AS "contentTruncated", p.address
      FROM p
      LEFT JOIN categories c1 ON c1.code = p.category_l1
      LEFT JOIN categories c2 ON c2.code = p.category_l2
      LEFT JOIN regions county ON county.code = p.county_code
      LEFT JOIN regions town ON town.code = p.town_code
      ${orderBySql(selection.sort, selection.order, 'p')}`,
    params: {
      ...where.params,
      limit: window.limit,
      offset: window.offset,
      contentChars: window.contentChars,
    },
  };
}

/** Page bounds the API also enforces; checked here too so no caller can ask for an unbounded page. */
function pageWindow(options: TicketListOptions): { limit: number; offset: number; contentChars: number } {
  const { page, pageSize } = options;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE)
    throw new FiltersError(`"page": a whole number from 1 to ${MAX_PAGE}`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new FiltersError(`"pageSize": a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return { limit: pageSize, offset: (page - 1) * pageSize, contentChars: LIST_CONTENT_CHARS };
}

/** One page of tickets. The count and the page are read on one connection, so they see the same file. */
export async function fetchTicketList(filters: Filters, options: TicketListOptions): Promise<TicketList> {
  const window = pageWindow(options);
  const count = ticketCountQuery(filters, options.flag);
  const page = ticketRowsQuery(filters, options, window);
  const lease = await borrowConnection();
  try {
    const [counted] = await lease.rows<{ n: number }>(count.sql, count.params);
    const rows = await lease.rows<TicketListRow>(page.sql, page.params);
    return { total: counted?.n ?? 0, page: options.page, pageSize: options.pageSize, rows };
  } finally {
    lease.release();
  }
}

/** The same page as an Arrow table (columns named as in TicketListRow), for the API's Arrow path. */
export async function queryTicketListArrow(
  filters: Filters,
  options: TicketListOptions,
): Promise<Omit<TicketList, 'rows'> & { table: Table }> {
  const window = pageWindow(options);
  const count = ticketCountQuery(filters, options.flag);
  const page = ticketRowsQuery(filters, options, window);
  const lease = await borrowConnection();
  try {
    const [counted] = await lease.rows<{ n: number }>(count.sql, count.params);
    const table = await lease.arrow(page.sql, page.params);
    return { total: counted?.n ?? 0, page: options.page, pageSize: options.pageSize, table };
  } finally {
    lease.release();
  }
}
