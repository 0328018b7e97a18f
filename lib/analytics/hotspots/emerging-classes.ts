import { HOTSPOT_PARAMETERS, type HotClassCode, type HotspotClassCode } from './classes';

/** One cell's monthly verdicts (oldest first) and the trend of its monthly z-scores. */
export interface CellHistory {
  /** Significant hot spot after the FDR, per month. */
  hot: readonly boolean[];
  /** Significant cold spot after the FDR, per month. */
  cold: readonly boolean[];
  /** Calendar month (1–12) of the first step, to find months that are hot year after year. */
  firstCalendarMonth: number;
  /** Mann-Kendall trend of the monthly z-scores (mann-kendall.ts). */
  trend: { z: number; p: number };
}

export interface ClassRules {
  persistentShare: number;
  trendAlpha: number;
}

const DEFAULT_RULES: ClassRules = {
  persistentShare: HOTSPOT_PARAMETERS.persistentShare,
  trendAlpha: HOTSPOT_PARAMETERS.trendAlpha,
};

/**
 * Calendar months (1–12) in which the cell is hot year after year: hot in at least two years and in at least two
 * thirds of the years the data cover that month.
 */
export function recurringMonths(flags: readonly boolean[], firstCalendarMonth: number): number[] {
  const covered = new Array<number>(13).fill(0);
  const hot = new Array<number>(13).fill(0);
  flags.forEach((flag, t) => {
    const month = ((firstCalendarMonth - 1 + t) % 12) + 1;
    covered[month]!++;
    if (flag) hot[month]!++;
  });
  const months: number[] = [];
  for (let month = 1; month <= 12; month++) {
    if (hot[month]! >= 2 && hot[month]! * 3 >= covered[month]! * 2) months.push(month);
  }
  return months;
}

/**
 * A seasonal pattern: one to six recurring months, quiet in between (hot in at most a quarter of the other months).
 * A hot spot that is hot most of the year is left to the persistent rules, and a few chance repeats among scattered
 * hot months do not qualify.
 */
function isSeasonal(flags: readonly boolean[], firstCalendarMonth: number): boolean {
  const recurring = recurringMonths(flags, firstCalendarMonth);
  if (recurring.length === 0 || recurring.length > 6) return false;
  let offSeason = 0;
  let offSeasonHot = 0;
  flags.forEach((flag, t) => {
    if (recurring.includes(((firstCalendarMonth - 1 + t) % 12) + 1)) return;
    offSeason++;
    if (flag) offSeasonHot++;
  });
  return offSeasonHot * 4 <= offSeason;
}

/**
 * The pattern of one side (hot or cold). `flags` are that side's monthly verdicts, `opposite` the other side's,
 * `trend` +1 when the clustering significantly intensifies (z rising for hot, falling for cold), −1 when it
 * significantly weakens, 0 otherwise. Rules in docs/hotspots.md, in this order.
 */
function pattern(
  flags: readonly boolean[],
  opposite: readonly boolean[],
  firstCalendarMonth: number,
  trend: -1 | 0 | 1,
  rules: ClassRules,
): HotClassCode | null {
  const steps = flags.length;
  const last = steps - 1;
  const count = flags.filter(Boolean).length;
  if (steps === 0 || count === 0) return null;
  const final = flags[last]!;
  if (count >= rules.persistentShare * steps) {
    if (!final) return 'historical';
    if (trend > 0) return 'intensifying';
    if (trend < 0) return 'diminishing';
    return 'persistent';
  }
  if (final) {
    if (count === 1) return 'new';
    let runStart = last;
    while (runStart > 0 && flags[runStart - 1]) runStart--;
    if (last - runStart + 1 === count) return 'consecutive';
  }
  if (isSeasonal(flags, firstCalendarMonth)) return 'seasonal';
  if (!final) return null;
  return opposite.some(Boolean) ? 'oscillating' : 'sporadic';
}

/**
 * The emerging-hotspot class of a cell, in the manner of ArcGIS Emerging Hot Spot Analysis, plus `seasonal`; hot
 * patterns take precedence over cold ones; null when neither side shows a pattern.
 */
export function classifyEmergingHotspot(
  history: CellHistory,
  rules: ClassRules = DEFAULT_RULES,
): HotspotClassCode | null {
  const significant = history.trend.p < rules.trendAlpha;
  const rising: -1 | 0 | 1 = !significant || history.trend.z === 0 ? 0 : history.trend.z > 0 ? 1 : -1;
  const hot = pattern(history.hot, history.cold, history.firstCalendarMonth, rising, rules);
  if (hot) return hot;
  const cold = pattern(
    history.cold,
    history.hot,
    history.firstCalendarMonth,
    (-rising || 0) as -1 | 0 | 1,
    rules,
  );
  return cold ? `cold_${cold}` : null;
}
