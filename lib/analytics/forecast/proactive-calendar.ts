import type { SeriesForecast } from './forecast-series';
import { addDays, daysBetween, shiftPeriod } from './periods';
import type { LoadedSeries } from './series';

/** How many months ahead the calendar looks. */
export const CALENDAR_MONTHS = 3;
/** A month is a rise when its expected appeals are at least this many times the series' normal month... */
export const RISE_RATIO = 1.5;
/** ...and at least this many appeals, and this many more than normal: a rise from 2 to 3 is nothing to prepare. */
export const MIN_EXPECTED = 8;
export const MIN_EXTRA = 4;
/**
 * Days a department needs to prepare (clear drains, post notices, staff a hotline desk). One figure for every
 * category until departments tell us theirs; the calendar's "act by" date is the rise start less this.
 */
export const PREPARATION_DAYS = 14;

/** One expected rise: a category in a place in a coming month, well above its normal level. */
export interface CalendarEntry {
  seriesId: string;
  regionCode: string;
  regionLevel: 'city' | 'district';
  categoryCode: string;
  categoryL1: string;
  /** First day of the month the rise is expected in. */
  month: string;
  monthsAhead: number;
  expected: number;
  expectedHi80: number;
  /** The series' normal month: its mean over the last 12 months of history. */
  normal: number;
  /** expected ÷ normal (a normal below one appeal counts as one). */
  rise: number;
  /** First day of the run of rising months this month belongs to. */
  riseStart: string;
  /** Days from the first day after the data to the rise start. */
  leadDays: number;
  /** The rise start less PREPARATION_DAYS, never before the first day after the data. */
  actBy: string;
  /** The departments that handled most of these appeals in the last year, most first. */
  departments: string[];
  model: string;
  mase: number | null;
}

/**
 * 未诉先办: the second-level categories, city-wide and per district, whose monthly forecast for the next
 * CALENDAR_MONTHS months is well above their normal month (RISE_RATIO, MIN_EXPECTED, MIN_EXTRA). `departments` maps
 * `<district code or 'city'>:<category code>` to the usual handling departments. Sorted by rise start, month and
 * expected extra appeals.
 */
export function buildProactiveCalendar(
  monthly: readonly { series: LoadedSeries; forecast: SeriesForecast }[],
  departments: ReadonlyMap<string, readonly string[]>,
): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const { series, forecast } of monthly) {
    if (series.step !== 'month' || series.categoryLevel !== 2 || series.values.length === 0) continue;
    const recent = series.values.slice(-12);
    const normal = recent.reduce((a, b) => a + b, 0) / recent.length;
    const lastStart = series.starts[series.starts.length - 1]!;
    const asOf = shiftPeriod(lastStart, 'month', 1);
    let runStart: string | null = null;
    forecast.forecast.slice(0, CALENDAR_MONTHS).forEach((point, h) => {
      const rising =
        point.mean >= MIN_EXPECTED && point.mean >= RISE_RATIO * normal && point.mean - normal >= MIN_EXTRA;
      if (!rising) {
        runStart = null;
        return;
      }
      runStart ??= point.periodStart;
      const actBy = addDays(runStart, -PREPARATION_DAYS);
      const place = series.regionLevel === 'city' ? 'city' : series.regionCode;
      entries.push({
        seriesId: series.id,
        regionCode: series.regionCode,
        regionLevel: series.regionLevel,
        categoryCode: series.categoryCode,
        categoryL1: series.categoryCode.slice(0, 2),
        month: point.periodStart,
        monthsAhead: h + 1,
        expected: point.mean,
        expectedHi80: point.hi80,
        normal,
        rise: point.mean / Math.max(normal, 1),
        riseStart: runStart,
        leadDays: daysBetween(asOf, runStart),
        actBy: actBy.localeCompare(asOf) >= 0 ? actBy : asOf,
        departments: [...(departments.get(`${place}:${series.categoryCode}`) ?? [])],
        model: forecast.model,
        mase: forecast.chosen?.mase ?? null,
      });
    });
  }
  return entries.sort(
    (a, b) =>
      a.riseStart.localeCompare(b.riseStart) ||
      a.month.localeCompare(b.month) ||
      b.expected - b.normal - (a.expected - a.normal),
  );
}
