import type { Filters } from '@/lib/filters/filters';

/** The time slider's step: a Monday-to-Sunday week or a calendar month. */
export type MapGrain = 'week' | 'month';
export const MAP_GRAINS: readonly MapGrain[] = ['week', 'month'];

/** One position of the slider: an inclusive range of dates, cut to the filters' range at either end. */
export interface TimeStep {
  /** The period's first day (YYYY-MM-DD), used as its id in the URL (`t`). */
  key: string;
  from: string;
  to: string;
}

/** At most this many steps; a longer range asks for months. */
export const MAX_STEPS = 260;

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The weeks or months that overlap the range from..to, each cut to the range; [] for more than MAX_STEPS. */
export function timeSteps(from: string, to: string, grain: MapGrain): TimeStep[] {
  const steps: TimeStep[] = [];
  const start = day(from);
  if (grain === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  else start.setUTCDate(1);
  for (let cursor = start; iso(cursor) <= to; ) {
    const next = new Date(cursor);
    if (grain === 'week') next.setUTCDate(next.getUTCDate() + 7);
    else next.setUTCMonth(next.getUTCMonth() + 1);
    const last = new Date(next);
    last.setUTCDate(last.getUTCDate() - 1);
    const key = iso(cursor);
    steps.push({ key, from: key < from ? from : key, to: iso(last) > to ? to : iso(last) });
    if (steps.length > MAX_STEPS) return [];
    cursor = next;
  }
  return steps;
}

/** The filters the map's layers read: the global ones with the date range narrowed to the slider's step. */
export function filtersForStep(filters: Filters, step: TimeStep | null): Filters {
  return step ? { ...filters, from: step.from, to: step.to } : filters;
}
