import { dayKind, holidayOn, springFestivalDate } from '../../lib/calendar/china-holidays';

const DAY_MS = 86_400_000;

/** Relative everyday share of each second-level category (1 = typical); unlisted categories are 1. */
export const CATEGORY_BASE: Readonly<Record<string, number>> = {
  '0101': 1.2,
  '0102': 1.6,
  '0103': 1.4,
  '0104': 0.6,
  '0105': 1.3,
  '0106': 1.8,
  '0201': 1.4,
  '0202': 2.2,
  '0203': 0.8,
  '0204': 0.5,
  '0205': 1.2,
  '0206': 0.4,
  '0301': 1.2,
  '0302': 1.0,
  '0303': 1.1,
  '0304': 1.8,
  '0305': 0.6,
  '0401': 2.6,
  '0402': 1.4,
  '0403': 1.0,
  '0404': 1.3,
  '0405': 0.7,
  '0501': 0.8,
  '0502': 0.5,
  '0503': 0.6,
  '0504': 0.5,
  '0505': 0.4,
  '0601': 1.2,
  '0602': 1.3,
  '0603': 0.5,
  '0604': 0.4,
  '0605': 0.5,
  '0701': 1.6,
  '0702': 1.6,
  '0703': 0.6,
  '0704': 0.8,
  '0705': 0.9,
  '0801': 1.2,
  '0802': 0.8,
  '0803': 1.6,
  '0804': 0.6,
  '0805': 0.5,
  '0901': 0.9,
  '0902': 0.9,
  '0903': 0.6,
  '0904': 0.5,
  '0905': 0.7,
  '1001': 1.4,
  '1002': 0.5,
  '1003': 1.2,
  '1004': 0.6,
  '1005': 0.9,
  '1006': 0.9,
  '1101': 0.6,
  '1102': 0.5,
  '1103': 0.5,
  '1104': 0.3,
  '1105': 0.3,
  '1201': 0.8,
  '1202': 0.9,
  '1203': 1.0,
  '1204': 2.4,
  '1205': 0.5,
  '1206': 0.4,
};

/**
 * Month-of-year multipliers (index 0 = January) for categories with a season. The peaks are planted signals:
 * ground-truth.json states them for the forecast tests.
 */
export const MONTHLY_SEASON: Readonly<Record<string, readonly number[]>> = {
  '0104': [0.2, 0.2, 0.3, 0.5, 0.9, 2.6, 3.6, 3.2, 2.2, 0.6, 0.3, 0.2],
  '1003': [0.8, 0.7, 0.6, 0.6, 0.8, 1.2, 2.6, 2.8, 1.3, 0.7, 0.7, 0.9],
  '0202': [0.8, 0.8, 0.9, 1.0, 1.1, 1.4, 1.6, 1.6, 1.1, 0.9, 0.8, 0.8],
  '0501': [0.4, 0.4, 0.5, 0.6, 0.8, 1.6, 4.2, 4.0, 1.4, 0.4, 0.3, 0.3],
  '1005': [2.6, 2.2, 1.3, 0.7, 0.5, 0.4, 0.4, 0.4, 0.5, 0.8, 1.5, 2.4],
  '1001': [0.8, 0.8, 0.8, 0.9, 1.0, 1.2, 1.5, 1.5, 1.1, 0.9, 0.8, 0.8],
  '0203': [0.9, 0.8, 1.0, 1.5, 1.4, 0.9, 0.8, 0.8, 0.9, 1.3, 1.1, 1.0],
  '0603': [0.9, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.1, 1.6, 1.5, 1.1],
  '0702': [1.1, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.1, 1.4, 1.6],
  '1102': [0.7, 0.7, 0.9, 1.5, 1.6, 1.4, 1.0, 0.8, 0.8, 1.0, 0.8, 0.7],
  '0201': [0.7, 0.6, 1.0, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 0.9],
};

/** The categories whose seasonal peak months are stated in ground truth (for forecast tests). */
export const STATED_PEAKS: Readonly<Record<string, readonly number[]>> = {
  '0104': [6, 7, 8, 9],
  '1003': [7, 8],
  '0501': [7, 8],
  '1005': [12, 1, 2],
};

/** Wage-arrears (欠薪) appeals rise over this many days before the Spring Festival and fall after it. */
export const WAGE_SURGE_DAYS = 45;

function wageFactor(dayMs: number): number {
  const year = new Date(dayMs).getUTCFullYear();
  let best = 1;
  for (const y of [year, year + 1]) {
    const sf = Date.parse(`${springFestivalDate(y)}T00:00:00Z`);
    const before = (sf - dayMs) / DAY_MS;
    if (before > 0 && before <= WAGE_SURGE_DAYS)
      best = Math.max(best, 1 + 3.5 * (1 - before / WAGE_SURGE_DAYS));
    if (before <= 0 && before > -20) best = Math.min(best, 0.4);
  }
  return best;
}

/** Seasonal multiplier of one category on one day (month profile, and the pre-Spring-Festival wage surge). */
export function seasonFactor(code: string, dayMs: number): number {
  const month = new Date(dayMs).getUTCMonth();
  const profile = MONTHLY_SEASON[code];
  const m = profile ? profile[month]! : 1;
  return code === '0701' ? m * wageFactor(dayMs) : m;
}

const WEEKDAY = [0.58, 1.04, 1.0, 0.98, 0.97, 0.93, 0.68];

/** Calendar multiplier of a day: weekday rhythm, public holidays (Spring Festival deepest), make-up workdays. */
export function calendarFactor(isoDate: string): number {
  const kind = dayKind(isoDate);
  if (kind === 'adjusted_workday') return 0.9;
  if (kind === 'holiday') return holidayOn(isoDate)?.zh === '春节' ? 0.32 : 0.55;
  return WEEKDAY[new Date(`${isoDate}T00:00:00Z`).getUTCDay()]!;
}

/** Slow growth of appeal volume: +9 % a year from the first day of the range. */
export function trendFactor(dayIndex: number): number {
  return Math.exp((0.09 * dayIndex) / 365);
}

/** Hour-of-day weights (0–23) by channel: calls follow office hours, web and app posts run into the evening. */
export const HOUR_WEIGHTS: Readonly<Record<'hotline' | 'online', readonly number[]>> = {
  hotline: [
    0.3, 0.2, 0.12, 0.1, 0.1, 0.2, 0.6, 1.6, 4.6, 7.6, 8.1, 7.4, 5.2, 4.4, 6.6, 7.1, 6.6, 5.6, 4.1, 3.6, 3.1,
    2.4, 1.5, 0.8,
  ],
  online: [
    1.2, 0.7, 0.4, 0.3, 0.3, 0.4, 0.9, 2.1, 3.8, 5.0, 5.4, 5.2, 4.4, 4.0, 4.8, 5.0, 4.9, 4.6, 4.3, 4.9, 5.4,
    5.2, 3.8, 2.2,
  ],
};
