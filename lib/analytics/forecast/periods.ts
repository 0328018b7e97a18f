import { dayKind, holidayOn, springFestivalDate } from '../../calendar/china-holidays';

/** The step of a forecast series: a day, a week (Monday to Sunday) or a calendar month. */
export type ForecastStep = 'day' | 'week' | 'month';

export const FORECAST_STEPS: readonly ForecastStep[] = ['day', 'week', 'month'];

/** How far ahead each step is forecast: 28 days, 13 weeks (a quarter), 6 months. */
export const HORIZON: Record<ForecastStep, number> = { day: 28, week: 13, month: 6 };

/** The length of a year in periods (a week-of-year season drifts by a day a year, which 2–3 years tolerate). */
export const YEAR_LENGTH: Record<ForecastStep, number> = { day: 365, week: 52, month: 12 };

const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The first day of the period that contains `iso`. */
export function periodStart(iso: string, step: ForecastStep): string {
  if (step === 'day') return iso;
  if (step === 'month') return `${iso.slice(0, 8)}01`;
  const weekday = (new Date(toUtc(iso)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(iso, -weekday);
}

/** The start of the period `n` steps after the one starting at `start`. */
export function shiftPeriod(start: string, step: ForecastStep, n: number): string {
  if (step === 'day') return addDays(start, n);
  if (step === 'week') return addDays(start, 7 * n);
  const d = new Date(toUtc(start));
  d.setUTCMonth(d.getUTCMonth() + n);
  return fromUtc(d.getTime());
}

/** The last day of the period starting at `start`. */
export function periodEnd(start: string, step: ForecastStep): string {
  return addDays(shiftPeriod(start, step, 1), -1);
}

/** Number of periods from the one starting at `from` to the one starting at `to`. */
export function periodsBetween(from: string, to: string, step: ForecastStep): number {
  if (step === 'day') return daysBetween(from, to);
  if (step === 'week') return Math.round(daysBetween(from, to) / 7);
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

/**
 * The periods wholly inside the data span [firstDay, lastDay]: a week or month the data cover only in part would
 * look like a collapse in volume, so it is neither history nor a backtest actual.
 */
export function completePeriods(firstDay: string, lastDay: string, step: ForecastStep): string[] {
  let start = periodStart(firstDay, step);
  if (start < firstDay) start = shiftPeriod(start, step, 1);
  const out: string[] = [];
  for (let p = start; periodEnd(p, step) <= lastDay; p = shiftPeriod(p, step, 1)) out.push(p);
  return out;
}

/** Days of the Spring Festival run-up that the calendar features treat as "before the Spring Festival". */
export const SPRING_FESTIVAL_RUN_UP_DAYS = 45;

const featureCache = new Map<string, number[]>();

/**
 * Calendar features of one period, each the share of its days of a kind, so the same features describe a day, a
 * week and a month: public holidays other than the Spring Festival, the Spring Festival holiday, make-up working
 * weekend days (调休上班), the run-up to the Spring Festival (wage arrears and travel appeals rise then) and, for
 * weeks and months, plain weekend days (a month with five weekends has fewer working days).
 */
export function calendarFeatures(start: string, step: ForecastStep): number[] {
  const key = `${step}:${start}`;
  let cached = featureCache.get(key);
  if (!cached) {
    cached = computeCalendarFeatures(start, step);
    featureCache.set(key, cached);
  }
  return cached;
}

function computeCalendarFeatures(start: string, step: ForecastStep): number[] {
  const end = periodEnd(start, step);
  const days = daysBetween(start, end) + 1;
  let holiday = 0;
  let festival = 0;
  let makeUp = 0;
  let runUp = 0;
  let weekend = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const kind = dayKind(d);
    if (kind === 'holiday') {
      if (holidayOn(d)?.zh === '春节') festival++;
      else holiday++;
    } else if (kind === 'adjusted_workday') makeUp++;
    else if (kind === 'weekend') weekend++;
    if (isSpringFestivalRunUp(d)) runUp++;
  }
  const features = [holiday / days, festival / days, makeUp / days, runUp / days];
  if (step !== 'day') features.push(weekend / days);
  return features;
}

function isSpringFestivalRunUp(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  for (const y of [year, year + 1]) {
    let festival: string;
    try {
      festival = springFestivalDate(y);
    } catch {
      continue;
    }
    const before = daysBetween(iso, festival);
    if (before > 0 && before <= SPRING_FESTIVAL_RUN_UP_DAYS) return true;
  }
  return false;
}
