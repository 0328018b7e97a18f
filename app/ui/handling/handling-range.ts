import type { Filters } from '@/lib/filters/filters';

/** Months the handling view looks back when the URL sets no dates: bounce pairs need more than a month of tickets. */
export const HANDLING_DEFAULT_MONTHS = 12;

/** The URL's filters, except that without an explicit `from` the range opens 12 calendar months back from `to`. */
export function handlingFilters(filters: Filters, hasFrom: boolean): Filters {
  if (hasFrom) return filters;
  const [y, m] = filters.to.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1 - (HANDLING_DEFAULT_MONTHS - 1), 1));
  return { ...filters, from: start.toISOString().slice(0, 10) };
}
