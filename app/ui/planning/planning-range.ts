import type { Filters } from '@/lib/filters/filters';

/** Months the planners' view looks back when the URL sets no dates: recurrence needs more than a month. */
export const PLANNING_DEFAULT_MONTHS = 24;

/**
 * The filters the planners' view asks with: the URL's, except that without an explicit `from` the range opens
 * PLANNING_DEFAULT_MONTHS calendar months back from `to`.
 */
export function planningFilters(filters: Filters, hasFrom: boolean): Filters {
  if (hasFrom) return filters;
  const [y, m] = filters.to.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1 - (PLANNING_DEFAULT_MONTHS - 1), 1));
  return { ...filters, from: start.toISOString().slice(0, 10) };
}
