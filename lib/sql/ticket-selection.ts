import type { Text } from '../i18n/codes';

/**
 * The ticket list's allow-lists: which tickets a flag picks and which columns a list may be sorted by. Users pick
 * a name; only the SQL written here reaches the query. Conditions read `tickets` (no alias, so they sit next to
 * filtersWhere's conditions) and agree with the rollup's counts (etl/load/rollups.ts), so clicking a KPI's count
 * lists exactly the tickets it counted.
 */
export const TICKET_FLAGS = [
  'overdue',
  'repeat',
  'returned',
  'dissatisfied',
  'unresolved',
  'still_open',
  'closed_in_minutes',
  'closed_before_received',
  'no_region',
  'escalated',
] as const;

export type TicketFlag = (typeof TICKET_FLAGS)[number];

export interface TicketFlagDefinition {
  sql: string;
  name: Text;
}

export const TICKET_FLAG_DEFINITIONS: Record<TicketFlag, TicketFlagDefinition> = {
  overdue: { sql: 'overdue', name: { zh: '超期', en: 'Overdue' } },
  repeat: {
    sql: 'ticket_id IN (SELECT ticket_id FROM repeat_appeals)',
    name: { zh: '重复诉求', en: 'Repeat appeal' },
  },
  returned: { sql: 'returned', name: { zh: '退单', en: 'Returned' } },
  dissatisfied: { sql: "satisfaction = 'dissatisfied'", name: { zh: '不满意', en: 'Dissatisfied' } },
  // Reported unresolved; tickets whose channel records no resolution are not listed.
  unresolved: { sql: 'resolved = false', name: { zh: '未解决', en: 'Unresolved' } },
  still_open: {
    sql: "status NOT IN ('closed', 'cancelled')",
    name: { zh: '未办结', en: 'Still open' },
  },
  closed_in_minutes: {
    sql: 'handling_hours >= 0 AND handling_hours < 10 / 60',
    name: { zh: '10 分钟内办结', en: 'Closed within 10 minutes' },
  },
  // handling_hours is NULL for these (docs/warehouse.md), so the timestamps are compared directly.
  closed_before_received: {
    sql: 'closed_at < received_at',
    name: { zh: '办结早于受理', en: 'Closed before received' },
  },
  no_region: { sql: 'county_code IS NULL', name: { zh: '未定位', en: 'Not located' } },
  escalated: { sql: 'escalated', name: { zh: '督办/提级', en: 'Escalated' } },
};

export const TICKET_SORTS = [
  'received_at',
  'closed_at',
  'handling_hours',
  'category',
  'region',
  'department',
] as const;

export type TicketSort = (typeof TICKET_SORTS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;

export type SortOrder = (typeof SORT_ORDERS)[number];

/** Category and region sort by code (taxonomy order, districts together), not by name. */
const SORT_COLUMNS: Record<TicketSort, readonly string[]> = {
  received_at: ['received_at'],
  closed_at: ['closed_at'],
  handling_hours: ['handling_hours'],
  category: ['category_l1', 'category_l2'],
  region: ['county_code', 'town_code'],
  department: ['department'],
};

/** The condition a flag adds (`true` without one). */
export function flagSql(flag: TicketFlag | undefined): string {
  return flag ? `(${TICKET_FLAG_DEFINITIONS[flag].sql})` : 'true';
}

/**
 * `ORDER BY …` for a sort: missing values last in either direction, then ticket_id so that pages are stable
 * (equal receive times would otherwise shuffle between pages). `alias` qualifies the columns when given.
 */
export function orderBySql(sort: TicketSort, order: SortOrder, alias?: string): string {
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const prefix = alias ? `${alias}.` : '';
  const keys = [...SORT_COLUMNS[sort], 'ticket_id'].map((c) => `${prefix}${c} ${direction} NULLS LAST`);
  return `ORDER BY ${keys.join(', ')}`;
}
