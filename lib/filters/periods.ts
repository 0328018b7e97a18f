import type { Filters } from './filters';

/** An inclusive date range, YYYY-MM-DD. */
export interface DateRange {
  from: string;
  to: string;
}

const DAY = 86_400_000;

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * DAY));
}

/** Moves a date by whole months, clamping to the month's last day (03-31 − 1 month = 02-28/29). */
export function addMonths(iso: string, months: number): string {
  const d = toDate(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return toIso(target);
}

export function monthEnd(iso: string): string {
  const d = toDate(iso);
  return toIso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

export function daysInRange(range: DateRange): number {
  return Math.round((toDate(range.to).getTime() - toDate(range.from).getTime()) / DAY) + 1;
}

/** Whether the range is whole calendar months (first day of a month to last day of a month). */
export function isWholeMonths(range: DateRange): boolean {
  return range.from.endsWith('-01') && monthEnd(range.to) === range.to;
}

/**
 * The period a range is compared with "month on month" (环比): the same number of whole months before it when
 * the range is whole months (July → June, Q3 → Q2), otherwise the same number of days immediately before.
 */
export function previousPeriod(range: DateRange): DateRange {
  if (isWholeMonths(range)) {
    const from = toDate(range.from);
    const to = toDate(range.to);
    const months =
      (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() + 1;
    const start = addMonths(range.from, -months);
    return { from: start, to: addDays(range.from, -1) };
  }
  const days = daysInRange(range);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** The same range one year earlier (同比); whole months stay whole months (Feb 2024 → Feb 2023). */
export function sameRangeLastYear(range: DateRange): DateRange {
  const from = addMonths(range.from, -12);
  const to = isWholeMonths(range) ? monthEnd(addMonths(range.to, -12)) : addMonths(range.to, -12);
  return { from, to };
}

export function rangeOf(filters: Filters): DateRange {
  return { from: filters.from, to: filters.to };
}

/** The part of `range` inside `within` (ISO dates sort as text). */
export function clampRange(range: DateRange, within: DateRange): DateRange {
  return {
    from: [range.from, within.from].sort()[1] as string,
    to: [range.to, within.to].sort()[0] as string,
  };
}
