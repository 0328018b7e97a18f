import type { TimeGrain } from '../sql/time-grain';

/**
 * Expected ranges and anomalies of a time series, judged against the series' own recent history.
 *
 * Contract. Each point is compared with a window of earlier points of the same series:
 *   - day grain: the same weekday in each of the previous 8 weeks (so a quiet Sunday is compared with Sundays);
 *   - week and month grain: the previous 8 periods.
 * expected = median of the window; scale = 1.4826 × MAD (median absolute deviation) of the window, which equals the
 * standard deviation for normal noise, floored by the sampling noise the metric cannot avoid (see MetricKind). A
 * point is an anomaly when it is more than 3 × scale from the expectation and the difference is large enough to
 * matter (at least 5 appeals for counts, 5 appeals' worth for shares). With fewer than 4 usable history points
 * there is no expected range (`expected`, `lower`, `upper` and `anomaly` are null), never a guess.
 *
 * Why median and MAD rather than mean and standard deviation: the history windows are short (8 points) and are
 * exactly where the anomalies we look for live. One storm day in the window pulls a mean up by an eighth of the
 * spike and inflates the standard deviation so much that the next spike hides inside the band ("masking"), and a
 * band widened by last month's surge stays wide for eight periods. The median and MAD ignore up to 3 of 8 outliers,
 * so one surge neither hides the next one nor makes the days after it look low.
 *
 * Two refinements keep false alarms near the nominal rate (about 0.2% of points in a steady Poisson series,
 * checked in anomalies.test.ts; the plain rule flags 0.5–1%, a dozen false alarms on a daily chart of a year):
 *   - the median of 8 points is itself uncertain (its variance is about π/2n times the noise's), so the scale is
 *     widened by √(1 + π/2n), making the band a prediction interval for a new point, not a band around the true
 *     mean;
 *   - counts are compared on the Anscombe scale 2√(x + 3/8), where Poisson noise has a standard deviation of 1 at
 *     any level and is nearly symmetric. This is the √expected Poisson floor, expressed where it also holds for
 *     small counts, whose long upper tail the normal approximation misses (with a median of 2 a day, the plain rule
 *     flags 7, which Poisson noise around 3 reaches 3% of the time).
 *     `expected` is still the median of the counts themselves, and `lower`/`upper` are mapped back to counts.
 *
 * Limitations: yearly seasonality is not removed. The window reaches back 8 weeks at most, so the start of a
 * seasonal surge (flooding in June, gas supply in December) is flagged as high although it happens every year, and
 * holidays (Spring Festival) are flagged as low. That is honest for "far outside the recent range", not for "far
 * outside what this time of year brings": the forecast will model seasonality and can then supply the expectation.
 */

export type AnomalyDirection = 'high' | 'low';

/**
 * How a metric's own sampling noise floors the scale:
 *   count    appeals, overdue tickets: Poisson, scale ≥ √expected, difference ≥ 5 appeals;
 *   share    a rate of n tickets: binomial, scale ≥ √(p(1−p)/n) with p smoothed away from 0 and 1, difference ≥ 5/n;
 *   measure  anything else (median handling hours): scale ≥ 3% of expected, the accuracy of the bucketed median.
 */
export type MetricKind = 'count' | 'share' | 'measure';

export interface ObservedPoint {
  /** First day of the period, YYYY-MM-DD (as lib/sql/time-grain writes it). */
  period: string;
  /** Null when the period has no comparable value (no data, empty denominator, a partial period): such a point is
   * neither used as history nor flagged, but still gets an expected range from its own history. */
  value: number | null;
  /** The count the value is computed over; required for `share` points to be floored and flagged. */
  n?: number;
}

export interface ExpectedRange {
  expected: number | null;
  /** The band outside which a point is an anomaly (clamped to ≥ 0, and ≤ 1 for shares). */
  lower: number | null;
  upper: number | null;
  anomaly: AnomalyDirection | null;
}

export const ANOMALY_RULES = {
  historyPeriods: 8,
  minHistory: 4,
  threshold: 3,
  /** A deviation smaller than this many appeals is never news, however flat the history. */
  minAppeals: 5,
  /** 1 / Φ⁻¹(3/4): turns a MAD into a standard deviation for normal noise. */
  madToSd: 1.4826,
  /** Relative accuracy of a median estimated from handling-time buckets (lib/sql/handling-time.ts). */
  measureFloor: 0.03,
} as const;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The start of the period `steps` periods of `grain` before `period` (the same weekday `steps` weeks back for days). */
export function historyPeriod(grain: TimeGrain, period: string, steps: number): string {
  const d = new Date(`${period}T00:00:00Z`);
  if (grain === 'month') d.setUTCMonth(d.getUTCMonth() - steps);
  else d.setUTCDate(d.getUTCDate() - 7 * steps);
  return d.toISOString().slice(0, 10);
}

/**
 * A period's place on its grain's axis (days since 1970 for days and weeks, months since year 0 for months), so
 * that `historyPeriod(grain, p, k)` is `periodOrdinal(grain, p) - historyStep(grain) * k`: a trend looks up eight
 * periods back for every point of every series, and formatting dates for each lookup cost more than its query.
 */
function periodOrdinal(grain: TimeGrain, period: string): number {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  if (grain === 'month') return year * 12 + month - 1;
  return Date.UTC(year, month - 1, Number(period.slice(8, 10))) / 86_400_000;
}

const historyStep = (grain: TimeGrain) => (grain === 'month' ? 1 : 7);

/** How many periods of history before a range the anomaly rule needs, in days (day, week) or months (month). */
export function historyLength(grain: TimeGrain): { days: number } | { months: number } {
  return grain === 'month'
    ? { months: ANOMALY_RULES.historyPeriods }
    : { days: 7 * ANOMALY_RULES.historyPeriods };
}

/** A monotone map to the scale the comparison is made on, and back. */
interface WorkingScale {
  to(x: number): number;
  from(y: number): number;
}

const IDENTITY: WorkingScale = { to: (x) => x, from: (y) => y };

/** Anscombe's transform: Poisson counts get a standard deviation of about 1 whatever their mean. */
const ANSCOMBE: WorkingScale = {
  to: (x) => 2 * Math.sqrt(Math.max(x, 0) + 3 / 8),
  // A negative lower edge on the working scale is a count of 0, not the square of a negative number.
  from: (y) => (y <= 0 ? 0 : Math.max(0, (y / 2) ** 2 - 3 / 8)),
};

/** The scale floor (on the working scale) and minimum raw difference from the metric's sampling noise. */
function noiseFloor(
  kind: MetricKind,
  expected: number,
  n: number | undefined,
): { scale: number; diff: number } {
  if (kind === 'count') return { scale: 1, diff: ANOMALY_RULES.minAppeals };
  if (kind === 'share') {
    if (!n || n <= 0) return { scale: Number.POSITIVE_INFINITY, diff: Number.POSITIVE_INFINITY };
    // Laplace smoothing keeps a history of 100% from giving a zero floor (one dissatisfied caller is not news).
    const p = (expected * n + 1) / (n + 2);
    return { scale: Math.sqrt((p * (1 - p)) / n), diff: ANOMALY_RULES.minAppeals / n };
  }
  return { scale: ANOMALY_RULES.measureFloor * Math.abs(expected), diff: 0 };
}

/**
 * The expected range and anomaly flag of every point, in input order. Points may come in any order and with gaps;
 * history is looked up by period, so a missing period is simply not history (fill gaps with zero counts first
 * when zero is what they mean).
 */
export function expectedRanges(
  points: readonly ObservedPoint[],
  options: { grain: TimeGrain; kind: MetricKind },
): ExpectedRange[] {
  const ordinals = points.map((p) => periodOrdinal(options.grain, p.period));
  const byPeriod = new Map(points.map((p, i) => [ordinals[i]!, p.value]));
  const step = historyStep(options.grain);
  const working = options.kind === 'count' ? ANSCOMBE : IDENTITY;
  const ceiling = options.kind === 'share' ? 1 : Number.POSITIVE_INFINITY;
  return points.map((point, i) => {
    const history: number[] = [];
    for (let k = 1; k <= ANOMALY_RULES.historyPeriods; k++) {
      const value = byPeriod.get(ordinals[i]! - step * k);
      if (value !== null && value !== undefined) history.push(value);
    }
    if (history.length < ANOMALY_RULES.minHistory)
      return { expected: null, lower: null, upper: null, anomaly: null };
    const expected = median(history);
    const centre = median(history.map(working.to));
    const mad = median(history.map((v) => Math.abs(working.to(v) - centre)));
    const floor = noiseFloor(options.kind, expected, point.n);
    const predictionWidening = Math.sqrt(1 + Math.PI / (2 * history.length));
    const halfWidth =
      ANOMALY_RULES.threshold * Math.max(ANOMALY_RULES.madToSd * mad, floor.scale) * predictionWidening;
    if (!Number.isFinite(halfWidth)) return { expected, lower: null, upper: null, anomaly: null };
    const lower = Math.max(0, Math.min(working.from(centre - halfWidth), expected - floor.diff));
    const upper = Math.min(ceiling, Math.max(working.from(centre + halfWidth), expected + floor.diff));
    let anomaly: AnomalyDirection | null = null;
    if (point.value !== null) {
      const far = Math.abs(working.to(point.value) - centre) > halfWidth;
      const difference = point.value - expected;
      if (far && Math.abs(difference) >= floor.diff) anomaly = difference > 0 ? 'high' : 'low';
    }
    return { expected, lower, upper, anomaly };
  });
}
