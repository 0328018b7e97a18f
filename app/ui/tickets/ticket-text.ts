import type { TicketListRow } from '@/lib/queries/ticket-list';
import {
  type SortOrder,
  TICKET_FLAG_DEFINITIONS,
  TICKET_FLAGS,
  type TicketFlag,
  type TicketSort,
} from '@/lib/sql/ticket-selection';
import { codeText, SATISFACTION_TEXT, STATUS_TEXT, UNKNOWN_TEXT } from '../i18n/codes';
import type { Lang, Text } from '../i18n/lang';

/** How a ticket's fields read in the list and the overdue panel: names in the reader's language, never raw codes. */

/** The category as "first level" and "second level" names; the second is null when the ticket has none. */
export function categoryNames(row: TicketListRow, lang: Lang): { l1: string; l2: string | null } {
  const l1 = (lang === 'en' ? (row.categoryL1En ?? row.categoryL1Zh) : row.categoryL1Zh) ?? row.categoryL1;
  const l2 = (lang === 'en' ? (row.categoryL2En ?? row.categoryL2Zh) : row.categoryL2Zh) ?? row.categoryL2;
  return { l1: l1 ?? UNKNOWN_TEXT.category[lang], l2 };
}

/** The district and street/town; the district reads "not located" when the ticket could not be placed. */
export function regionNames(row: TicketListRow, lang: Lang): { county: string; town: string | null } {
  return {
    county: row.countyName ?? row.countyCode ?? UNKNOWN_TEXT.region[lang],
    town: row.townName ?? row.townCode,
  };
}

export function statusText(row: TicketListRow): Text {
  return codeText(STATUS_TEXT, row.status, { zh: '未注明', en: 'Not recorded' });
}

/** The caller's rating; "not rated" when there is none. */
export function satisfactionText(row: TicketListRow): Text {
  return codeText(SATISFACTION_TEXT, row.satisfaction, { zh: '未评价', en: 'Not rated' });
}

/** 'YYYY-MM-DD HH:MM:SS' (the API's wall-clock time) to minutes; the date alone with `dateOnly`. */
export function wallClock(value: string | null, dateOnly = false): string {
  if (value === null) return '—';
  return dateOnly ? value.slice(0, 10) : value.slice(0, 16);
}

/** A flag's name ("超期"); unknown values are not flags. */
export function flagName(flag: string | null): Text | null {
  return flag && (TICKET_FLAGS as readonly string[]).includes(flag)
    ? TICKET_FLAG_DEFINITIONS[flag as TicketFlag].name
    : null;
}

/** The order a first click on a column sorts in: newest and longest first, names from the top. */
export function firstTicketOrder(sort: TicketSort): SortOrder {
  return sort === 'category' || sort === 'region' || sort === 'department' ? 'asc' : 'desc';
}
