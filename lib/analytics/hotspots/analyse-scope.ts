import { HOTSPOT_PARAMETERS, type HotspotClassCode } from './classes';
import { classifyEmergingHotspot } from './emerging-classes';
import { excessTest } from './excess-gi-star';
import { benjaminiHochberg } from './fdr';
import { getisOrdGiStar, type LocalTestResult } from './gi-star';
import { mannKendall } from './mann-kendall';
import { type Neighbourhoods, neighbourhoodSums } from './neighbourhoods';

/**
 * What a scope's hotspot is measured on:
 *   volume         all appeals: classic Gi* on the counts (where appeals concentrate, which follows population);
 *   concentration  one category: Gi* on the excess over the count the cell's volume leads one to expect
 *                  (excess-gi-star.ts), so a hot spot means "this problem is unusually common here".
 */
export type HotspotMeasure = 'volume' | 'concentration';

/** The settings of an analysis (HOTSPOT_PARAMETERS by default). */
export interface ScopeSettings {
  fdrAlpha: number;
  /** Months in each month's test: the month itself and the ones before it (ArcGIS's neighbourhood time step + 1). */
  testWindowMonths: number;
}

const DEFAULT_SETTINGS: ScopeSettings = {
  fdrAlpha: HOTSPOT_PARAMETERS.fdrAlpha,
  testWindowMonths: HOTSPOT_PARAMETERS.testWindowMonths,
};

/**
 * The appeals a category is compared with (those with a known category at its level), prepared once for all the
 * categories of a level: per month the cell's own count, and the test window's neighbourhood sums and city total.
 */
export interface Baseline {
  months: readonly ArrayLike<number>[];
  windowLocal: Float64Array[];
  windowTotal: number[];
  whole: Int32Array;
  wholeLocal: Float64Array;
  wholeTotal: number;
}

export interface ScopeCounts {
  measure: HotspotMeasure;
  /** observed[t][i]: appeals of the scope in month t in cell i (cells indexed as in the neighbourhoods). */
  observed: readonly ArrayLike<number>[];
  /** Required for concentration scopes (prepareBaseline). */
  baseline?: Baseline;
  /** Calendar month (1–12) of month 0. */
  firstCalendarMonth: number;
}

/** One test over all cells (one month, or the whole span). */
export interface CellTests extends LocalTestResult {
  q: Float64Array;
  hot: Uint8Array;
  cold: Uint8Array;
  /**
   * The city-wide share of the scope among the baseline's appeals in the test window (concentration only; null for
   * volume): a cell's expected count in the month is its own baseline count × share.
   */
  share: number | null;
}

export interface ScopeAnalysis {
  months: CellTests[];
  whole: CellTests;
  /** Appeals of the scope per cell over the whole span. */
  tickets: Int32Array;
  hotMonths: Int32Array;
  coldMonths: Int32Array;
  /** Index of the last hot month, −1 when never hot. */
  lastHotMonth: Int32Array;
  /**
   * Mann-Kendall trend of the monthly z-scores from the first month with a full test window on; 0 and 1 for cells
   * without appeals or significant months.
   */
  trendZ: Float64Array;
  trendP: Float64Array;
  classes: (HotspotClassCode | null)[];
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

function sumMonths(series: readonly ArrayLike<number>[], n: number): Int32Array {
  const total = new Int32Array(n);
  for (const month of series) for (let i = 0; i < n; i++) total[i]! += month[i]!;
  return total;
}

/** Month t's counts summed with the `window − 1` months before it (fewer at the start of the span). */
function windowed(series: readonly ArrayLike<number>[], t: number, window: number, n: number): Int32Array {
  return sumMonths(series.slice(Math.max(0, t - window + 1), t + 1), n);
}

export function prepareBaseline(
  months: readonly ArrayLike<number>[],
  neighbourhoods: Neighbourhoods,
  settings: ScopeSettings = DEFAULT_SETTINGS,
): Baseline {
  const n = neighbourhoods.start.length - 1;
  const windows = months.map((_, t) => windowed(months, t, settings.testWindowMonths, n));
  const whole = sumMonths(months, n);
  return {
    months,
    windowLocal: windows.map((w) => neighbourhoodSums(w, neighbourhoods)),
    windowTotal: windows.map(sum),
    whole,
    wholeLocal: neighbourhoodSums(whole, neighbourhoods),
    wholeTotal: sum(whole),
  };
}

/** The baseline of one test: the window's neighbourhood sums and total. */
interface TestBase {
  local: ArrayLike<number>;
  total: number;
}

function test(
  observed: ArrayLike<number>,
  base: TestBase | undefined,
  neighbourhoods: Neighbourhoods,
  alpha: number,
): CellTests {
  let result: LocalTestResult;
  let q: Float64Array;
  let share: number | null = null;
  if (!base) {
    result = getisOrdGiStar(observed, neighbourhoods);
    q = benjaminiHochberg(result.p);
  } else {
    share = base.total > 0 ? sum(observed) / base.total : 0;
    const excess = excessTest(neighbourhoodSums(observed, neighbourhoods), base.local, share);
    result = excess;
    q = benjaminiHochberg(excess.p, excess.testable);
  }
  const n = observed.length;
  const hot = new Uint8Array(n);
  const cold = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (q[i]! > alpha) continue;
    if (result.z[i]! > 0) hot[i] = 1;
    else if (result.z[i]! < 0) cold[i] = 1;
  }
  return { ...result, q, hot, cold, share };
}

/**
 * Tests every cell in every month and over the whole span, corrects each map for multiple testing (Benjamini-
 * Hochberg over the cells of that month), and classifies each cell's monthly history (emerging-classes.ts) with the
 * Mann-Kendall trend of its monthly z-scores. Each month's test counts the appeals of its test window (the month and
 * the one before it by default, as ArcGIS's space-time neighbourhood does): a place with a steady handful of appeals
 * a month is then found every month rather than in most of them.
 */
export function analyseScope(
  counts: ScopeCounts,
  neighbourhoods: Neighbourhoods,
  settings: ScopeSettings = DEFAULT_SETTINGS,
): ScopeAnalysis {
  const n = neighbourhoods.start.length - 1;
  const { baseline } = counts;
  if (counts.measure === 'concentration' && !baseline)
    throw new Error('a concentration scope needs a baseline');
  const months = counts.observed.map((_, t) =>
    test(
      windowed(counts.observed, t, settings.testWindowMonths, n),
      baseline && { local: baseline.windowLocal[t]!, total: baseline.windowTotal[t]! },
      neighbourhoods,
      settings.fdrAlpha,
    ),
  );
  const tickets = sumMonths(counts.observed, n);
  const whole = test(
    tickets,
    baseline && { local: baseline.wholeLocal, total: baseline.wholeTotal },
    neighbourhoods,
    settings.fdrAlpha,
  );
  const hotMonths = new Int32Array(n);
  const coldMonths = new Int32Array(n);
  const lastHotMonth = new Int32Array(n).fill(-1);
  months.forEach((month, t) => {
    for (let i = 0; i < n; i++) {
      if (month.hot[i]) {
        hotMonths[i]!++;
        lastHotMonth[i] = t;
      } else if (month.cold[i]) coldMonths[i]!++;
    }
  });
  // Overlapping windows share months: with no trend, month t's and t+k's tests share (w − k)/w of their evidence.
  const windowCorrelation = Array.from(
    { length: settings.testWindowMonths - 1 },
    (_, lag) => (settings.testWindowMonths - lag - 1) / settings.testWindowMonths,
  );
  // The first months' windows are cut short by the start of the data, so their z-scores rest on less evidence and
  // run low: left in, they would make a steady hot spot look intensifying (about 1 in 7 in simulations).
  const trendMonths = months.slice(Math.min(settings.testWindowMonths - 1, Math.max(0, months.length - 3)));
  const trendZ = new Float64Array(n);
  const trendP = new Float64Array(n).fill(1);
  const classes: (HotspotClassCode | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    // Cells with no appeal of the scope and no significant month are not reported: skip their trend (most cells,
    // for a category).
    if (tickets[i] === 0 && hotMonths[i] === 0 && coldMonths[i] === 0) continue;
    const trend = mannKendall(
      trendMonths.map((m) => m.z[i]!),
      windowCorrelation,
    );
    trendZ[i] = trend.z;
    trendP[i] = trend.p;
    if (hotMonths[i] === 0 && coldMonths[i] === 0) continue;
    classes[i] = classifyEmergingHotspot({
      hot: months.map((m) => m.hot[i] === 1),
      cold: months.map((m) => m.cold[i] === 1),
      firstCalendarMonth: counts.firstCalendarMonth,
      trend,
    });
  }
  return { months, whole, tickets, hotMonths, coldMonths, lastHotMonth, trendZ, trendP, classes };
}
