import { addMonths, type DateRange, monthEnd } from '../filters/periods';
import type { DataSpan } from '../queries/data-span';

/** A calendar month as `YYYY-MM`: what a briefing is about. */
export type BriefingMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether text is a month the briefing accepts (`2025-07`); anything else is the caller's 400. */
export function isBriefingMonth(text: string): text is BriefingMonth {
  return MONTH.test(text);
}

/** The month's days as an inclusive range (2025-02 → 2025-02-01 … 2025-02-28). */
export function monthRange(month: BriefingMonth): DateRange {
  const from = `${month}-01`;
  return { from, to: monthEnd(from) };
}

/** The month `n` months after `month` (negative: before). */
export function shiftMonth(month: BriefingMonth, n: number): BriefingMonth {
  return addMonths(`${month}-01`, n).slice(0, 7);
}

/**
 * The latest month the data cover completely (the default briefing): the last day's month when the data reach its
 * last day, otherwise the month before. Null for an empty warehouse or data shorter than one whole month.
 */
export function latestCompleteMonth(span: DataSpan | null): BriefingMonth | null {
  if (!span) return null;
  const lastMonth = span.lastDay.slice(0, 7);
  const month = monthEnd(span.lastDay) === span.lastDay ? lastMonth : shiftMonth(lastMonth, -1);
  return `${month}-01` >= span.firstDay ? month : null;
}

/** The months a briefing can be made for, newest first: every month with at least one day of data. */
export function monthsWithData(span: DataSpan | null): BriefingMonth[] {
  if (!span) return [];
  const months: BriefingMonth[] = [];
  for (let m = span.lastDay.slice(0, 7); m >= span.firstDay.slice(0, 7); m = shiftMonth(m, -1))
    months.push(m);
  return months;
}

/** How much of the month the data cover: all of it, or only part (the month the data start or end in). */
export function monthCoverage(month: BriefingMonth, span: DataSpan): 'complete' | 'partial' | 'none' {
  const range = monthRange(month);
  if (span.lastDay < range.from || span.firstDay > range.to) return 'none';
  return span.firstDay <= range.from && span.lastDay >= range.to ? 'complete' : 'partial';
}
