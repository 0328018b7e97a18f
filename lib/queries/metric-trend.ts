import { type ExpectedRange, expectedRanges, type MetricKind } from '../analytics/anomalies';
import { type Filters, FiltersError } from '../filters/filters';
import { daysInRange } from '../filters/periods';
import { KPI_BASE, KPI_READS, KPIS, type KpiId, kpiFromSums } from '../sql/kpis';
import { addSums, emptySums, type MeasureSums } from '../sql/rollup-measures';
import { periodEnd, periodStarts, type TimeGrain } from '../sql/time-grain';
import { type DataSpan, fetchDataSpan } from './data-span';
import {
  fetchTrendRows,
  historyStart,
  SPLIT_KEYS,
  type TrendSplit,
  trendSplitColumn,
} from './metric-trend-rows';

export { SPLIT_KEYS, TREND_SPLITS, type TrendSplit } from './metric-trend-rows';

/** The widest range drawn day by day: beyond it a daily chart is unreadable and the query needlessly large. */
export const MAX_DAY_GRAIN_DAYS = 731;
export const DEFAULT_TOP = 6;
export const MAX_TOP = 12;

export interface MetricTrendOptions {
  metric: KpiId;
  grain: TimeGrain;
  split: TrendSplit;
  /** How many split values get a series of their own (1–12, default 6); the rest are folded into "other". */
  top?: number;
}

/** One period of one series: the KPI, what it is counted over, and the range expected from recent history. */
export interface MetricTrendPoint extends ExpectedRange {
  /** First day of the period, YYYY-MM-DD. */
  period: string;
  /** The KPI; null for a rate with nothing to count (n = 0). */
  value: number | null;
  /** What the value is counted over ("n="): the appeals for counts, the denominator for rates, the closed tickets
   * with a handling time for the median. */
  n: number;
  /** The period is cut by the range or by the data (a week the range starts inside, the month the data end in):
   * its value covers only those days, so it is neither flagged nor used as history. */
  partial: boolean;
}

export interface MetricTrendSeries {
  /** The split value's code (category, region, channel), or `__all__` (no split), `__other__` (the values beyond
   * the top N), `__none__` (未分类 / 未定位). */
  key: string;
  name: string;
  /** English name; regions and channels have none stored, so it repeats `name` for them. */
  nameEn: string;
  /** Appeals in the range: what the top N is ranked by, so the totals of all series add up to the range's appeals. */
  total: number;
  points: MetricTrendPoint[];
}

export interface MetricTrend {
  metric: KpiId;
  grain: TimeGrain;
  split: TrendSplit;
  /** The period starts of the range, the same for every series. */
  periods: string[];
  /** Biggest first; `__other__` last. */
  series: MetricTrendSeries[];
}

const KIND: Record<(typeof KPIS)[KpiId]['unit'], MetricKind> = {
  count: 'count',
  share: 'share',
  hours: 'measure',
};

interface Accumulated {
  sums: MeasureSums;
  /** The median handling time, computed in SQL from the buckets (fetchTrendRows). */
  medianHours: number | null;
}

function pointValue(metric: KpiId, acc: Accumulated | undefined): { value: number | null; n: number } {
  const sums = acc?.sums ?? emptySums();
  // For the median the rows count closed tickets only: the ones it is measured over.
  if (metric === 'medianHandlingHours') return { value: acc?.medianHours ?? null, n: sums.tickets };
  return { value: kpiFromSums(metric, sums), n: sums[KPI_BASE[metric]] };
}

/** Whether [start, end] of a period lies wholly inside `window`, clipped to the data the warehouse holds. */
function whollyCovered(
  start: string,
  end: string,
  window: { from: string; to: string },
  span: DataSpan | null,
) {
  if (!span) return false;
  return window.from <= start && span.firstDay <= start && end <= window.to && end <= span.lastDay;
}

/**
 * A KPI per period of the range, for all appeals or split by category, district or channel, each point with the
 * range expected from its own recent history and an anomaly flag (lib/analytics/anomalies.ts). Categories split at
 * the level below the category filter (second level when one is chosen), districts into streets when a district is
 * chosen. The history before the range is read too (8 weeks for days and weeks, 8 months for months) so the first
 * points have expectations; it is not returned. Periods without appeals are zero.
 *
 * Throws FiltersError for a day grain over more than MAX_DAY_GRAIN_DAYS or a `top` outside 1–MAX_TOP.
 */
export async function fetchMetricTrend(filters: Filters, options: MetricTrendOptions): Promise<MetricTrend> {
  const { metric, grain, split } = options;
  const top = options.top ?? DEFAULT_TOP;
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
    throw new FiltersError(`"top": a whole number from 1 to ${MAX_TOP}`);
  const days = daysInRange(filters);
  if (grain === 'day' && days > MAX_DAY_GRAIN_DAYS)
    throw new FiltersError(
      `a daily trend covers at most ${MAX_DAY_GRAIN_DAYS} days (2 years), this range has ${days}: choose grain=week or grain=month`,
    );
  const firstPeriod = periodStarts(grain, filters.from, filters.from)[0]!;
  const historyFrom = historyStart(grain, filters.from, firstPeriod);
  const column = trendSplitColumn(filters, split);
  const [{ ranking, rows }, span] = await Promise.all([
    fetchTrendRows(filters, {
      grain,
      column,
      top,
      historyFrom,
      firstPeriod,
      withBuckets: metric === 'medianHandlingHours',
      measures: metric === 'medianHandlingHours' ? ['tickets'] : KPI_READS[metric],
    }),
    fetchDataSpan(),
  ]);

  const series = ranking
    .slice(0, top)
    .map((r) => ({ key: r.key, name: r.name, nameEn: r.nameEn, total: r.tickets }));
  const rest = ranking.slice(top);
  if (split === 'none' && series.length === 0)
    series.push({ key: SPLIT_KEYS.all, name: '全部', nameEn: 'All', total: 0 });
  if (rest.length > 0)
    series.push({
      key: SPLIT_KEYS.other,
      name: '其他',
      nameEn: 'Other',
      total: rest.reduce((s, r) => s + r.tickets, 0),
    });

  const cells = new Map<string, Accumulated>();
  for (const row of rows) {
    const id = `${row.key}\u0000${row.period}`;
    const acc = cells.get(id) ?? { sums: emptySums(), medianHours: null };
    cells.set(id, acc);
    addSums(acc.sums, row);
    if (row.median_hours !== undefined) acc.medianHours = row.median_hours;
  }

  const allPeriods = periodStarts(grain, historyFrom, filters.to);
  const inRange = { from: filters.from, to: filters.to };
  const partial = allPeriods.map((p) => {
    const window = p < firstPeriod ? { from: historyFrom, to: filters.to } : inRange;
    return !whollyCovered(p, periodEnd(grain, p), window, span);
  });
  const kind = KIND[KPIS[metric].unit];
  return {
    metric,
    grain,
    split,
    periods: allPeriods.filter((p) => p >= firstPeriod),
    series: series.map((s) => {
      const observed = allPeriods.map((period, i) => ({
        period,
        ...pointValue(metric, cells.get(`${s.key}\u0000${period}`)),
        partial: partial[i]!,
      }));
      const ranges = expectedRanges(
        observed.map((o) => ({ period: o.period, value: o.partial ? null : o.value, n: o.n })),
        { grain, kind },
      );
      const points = observed.map((o, i) => ({ ...o, ...ranges[i]! })).filter((p) => p.period >= firstPeriod);
      return { ...s, points };
    }),
  };
}

/** One series × period of a trend, flat for Arrow (see METRIC_TREND_ARROW_COLUMNS) or a table. */
export interface MetricTrendRow extends MetricTrendPoint {
  key: string;
  name: string;
  nameEn: string;
}

/** The trend as flat rows, series by series in the trend's order, periods ascending. */
export function flattenMetricTrend(trend: MetricTrend): MetricTrendRow[] {
  return trend.series.flatMap((s) =>
    s.points.map((p) => ({ key: s.key, name: s.name, nameEn: s.nameEn, ...p })),
  );
}

/** Arrow column types of MetricTrendRow, for lib/db/arrow rowsToArrow. */
export const METRIC_TREND_ARROW_COLUMNS = {
  key: 'utf8',
  name: 'utf8',
  nameEn: 'utf8',
  period: 'utf8',
  value: 'float64',
  n: 'int32',
  expected: 'float64',
  lower: 'float64',
  upper: 'float64',
  anomaly: 'utf8',
  partial: 'bool',
} as const satisfies Record<keyof MetricTrendRow, 'utf8' | 'float64' | 'int32' | 'bool'>;
