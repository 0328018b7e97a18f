import { readRows, warehouseGeneration } from '../db/read-only-warehouse';
import { addMonths, type DateRange, monthEnd } from '../filters/periods';

/** The days the warehouse holds tickets for. */
export interface DataSpan {
  firstDay: string;
  lastDay: string;
}

let cached: { generation: number; span: DataSpan | null } | null = null;

/** The first and last day with tickets; null for an empty warehouse. Cached until the ETL publishes a new file. */
export async function fetchDataSpan(): Promise<DataSpan | null> {
  const generation = await warehouseGeneration();
  if (cached?.generation === generation) return cached.span;
  const [row] = await readRows<{ firstDay: string | null; lastDay: string | null }>(
    `SELECT strftime(min(day), '%Y-%m-%d') AS "firstDay", strftime(max(day), '%Y-%m-%d') AS "lastDay"
     FROM daily_counts`,
  );
  const span = row?.firstDay && row.lastDay ? { firstDay: row.firstDay, lastDay: row.lastDay } : null;
  cached = { generation, span };
  return span;
}

/**
 * The range a view opens on: the latest complete month of data (the month of the last day when the data reach
 * its end, otherwise the month before), so a leader sees a whole month, not three days of the current one.
 */
export function defaultRange(span: DataSpan | null): DateRange {
  if (!span) {
    const today = new Date().toISOString().slice(0, 10);
    const from = `${addMonths(today, -1).slice(0, 7)}-01`;
    return { from, to: monthEnd(from) };
  }
  const lastMonthStart = `${span.lastDay.slice(0, 7)}-01`;
  const from = monthEnd(span.lastDay) === span.lastDay ? lastMonthStart : addMonths(lastMonthStart, -1);
  // Data that start mid-month open on their first day rather than on days before any data.
  if (from < span.firstDay) return { from: span.firstDay, to: monthEnd(span.firstDay) };
  return { from, to: monthEnd(from) };
}
