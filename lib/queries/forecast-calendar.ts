import { readRows } from '../db/read-only-warehouse';

/**
 * One row of the proactive calendar (未诉先办): a second-level category in the city or a district whose appeals
 * are expected to rise well above their normal month (lib/analytics/forecast/proactive-calendar.ts has the rule),
 * with what to prepare for and who usually handles it. For the forecasts view, the calendar export and the monthly
 * briefing.
 */
export interface ProactiveCalendarRow {
  /** The forecast series behind the row (forecast_series.series_id). */
  seriesId: string;
  regionCode: string;
  regionLevel: 'city' | 'district';
  regionName: string | null;
  categoryCode: string;
  categoryZh: string | null;
  categoryEn: string | null;
  categoryL1Zh: string | null;
  categoryL1En: string | null;
  /** First day of the month the rise is expected in, and how many months ahead of the data that is (1–3). */
  month: string;
  monthsAhead: number;
  /** Expected appeals that month (the forecast's mean) and the upper end of its 80% interval. */
  expected: number;
  expectedHi80: number;
  /** The normal month: the series' mean over its last 12 months. */
  normal: number;
  /** expected ÷ normal. */
  rise: number;
  /** The first month of the rise, the days from the end of the data to it, and when to act (14 days earlier). */
  riseStart: string;
  leadDays: number;
  actBy: string;
  /** The departments that handled most of these appeals in the last year, most first. */
  departments: string[];
  model: string;
  mase: number | null;
}

export interface CalendarSelection {
  /** Only rises in the next `months` months (1–3). */
  months: number;
  /** Only this district (a town's district for a town code); null for the city and every district. */
  region: string | null;
  /** Only this first- or second-level category; null for all. */
  category: string | null;
}

/** Whether the forecasts step has stored a calendar in this warehouse. */
export async function calendarBuilt(): Promise<boolean> {
  const [row] = await readRows<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'forecast_calendar'",
  );
  return (row?.n ?? 0) > 0;
}

/**
 * The calendar rows for a selection: soonest rise first, then by month, the city before districts, the most extra
 * appeals first. Empty when the forecasts step has not run.
 */
export async function fetchProactiveCalendar(selection: CalendarSelection): Promise<ProactiveCalendarRow[]> {
  if (!(await calendarBuilt())) return [];
  const params: Record<string, string | number> = { months: selection.months };
  let where = 'k.months_ahead <= $months';
  if (selection.region) {
    where += " AND k.region_level = 'district' AND k.region_code = $region";
    params.region = selection.region.slice(0, 6);
  }
  if (selection.category) {
    where += ' AND starts_with(k.category_code, $category)';
    params.category = selection.category;
  }
  return readRows<ProactiveCalendarRow>(
    `SELECT k.series_id AS "seriesId", k.region_code AS "regionCode", k.region_level AS "regionLevel", r.name AS "regionName",
            k.category_code AS "categoryCode", c.name_zh AS "categoryZh", c.name_en AS "categoryEn",
            l1.name_zh AS "categoryL1Zh", l1.name_en AS "categoryL1En",
            strftime(k.month, '%Y-%m-%d') AS month, k.months_ahead AS "monthsAhead", k.expected,
            k.expected_hi80 AS "expectedHi80", k.normal, k.rise, strftime(k.rise_start, '%Y-%m-%d') AS "riseStart",
            k.lead_days AS "leadDays", strftime(k.act_by, '%Y-%m-%d') AS "actBy", k.departments, k.model, k.mase
     FROM forecast_calendar k
       LEFT JOIN regions r ON r.code = k.region_code
       LEFT JOIN categories c ON c.code = k.category_code
       LEFT JOIN categories l1 ON l1.code = k.category_l1
     WHERE ${where}
     ORDER BY k.rise_start, k.month, k.region_level, k.expected - k.normal DESC, k.category_code, k.region_code`,
    params,
  );
}
