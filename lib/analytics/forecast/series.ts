import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../db/connection';
import { tableColumns } from '../../db/table-columns';
import { dailyRollupWith } from '../../sql/rollup-choice';
import type { SeriesHistory } from './forecast-series';
import { completePeriods, type ForecastStep } from './periods';

/** Which appeals a series counts: a place (the city or one district) and a category (all, or one L1 or L2). */
export interface SeriesKey {
  step: ForecastStep;
  /** The city's code for the whole city, else a district (county) code. */
  regionCode: string;
  regionLevel: 'city' | 'district';
  /** 0 = all appeals, 1 = a first-level category, 2 = a second-level one. */
  categoryLevel: 0 | 1 | 2;
  /** 'all' for all appeals, else the taxonomy code. */
  categoryCode: string;
}

export interface LoadedSeries extends SeriesKey, SeriesHistory {
  id: string;
  total: number;
}

/** The id a series is stored under, readable in SQL: `week:511502:0104`. */
export function seriesId(key: SeriesKey): string {
  return `${key.step}:${key.regionCode}:${key.categoryCode}`;
}

/**
 * A series is listed (forecast or given a fallback reason) once it has this many appeals in its complete periods;
 * below it there is nothing a forecast could say that "a handful a year" does not.
 */
export const MIN_APPEALS_TO_LIST = 20;

interface PeriodRow {
  period_start: string;
  county_code: string | null;
  category_l1: string | null;
  category_l2: string | null;
  region_set: number;
  l1_set: number;
  l2_set: number;
  appeals: number;
}

/**
 * Every series at `step`, aggregated from the smallest daily rollup with the categories and districts
 * (`daily_categories` unless the warehouse's last rebuild left it out) in one GROUPING SETS query: the city and
 * each district, by all appeals, first- and second-level category. Only periods wholly inside the data span count
 * (periods.ts), and missing periods are zeros. For `day`, only the city's total (a daily series per category is
 * mostly zeros).
 */
export async function loadSeries(
  connection: DuckDBConnection,
  step: ForecastStep,
  cityCode: string,
): Promise<LoadedSeries[]> {
  const tables = await tableColumns(connection);
  const rollup = dailyRollupWith(['category_l1', 'category_l2', 'county_code'], (t) => tables.has(t));
  const span = await queryRows<{ first_day: string | null; last_day: string | null }>(
    connection,
    `SELECT min(day)::VARCHAR AS first_day, max(day)::VARCHAR AS last_day FROM ${rollup}`,
  );
  const { first_day: firstDay, last_day: lastDay } = span[0] ?? { first_day: null, last_day: null };
  if (!firstDay || !lastDay) return [];
  const periods = completePeriods(firstDay, lastDay, step);
  if (periods.length === 0) return [];
  const sets =
    step === 'day'
      ? '(p)'
      : '(p), (p, category_l1), (p, category_l1, category_l2), (p, county_code), (p, county_code, category_l1), (p, county_code, category_l1, category_l2)';
  const rows = await queryRows<PeriodRow>(
    connection,
    `SELECT p::VARCHAR AS period_start, ${
      step === 'day'
        ? 'NULL AS county_code, NULL AS category_l1, NULL AS category_l2, 1 AS region_set, 1 AS l1_set, 1 AS l2_set'
        : `county_code, category_l1, category_l2, grouping(county_code) AS region_set,
           grouping(category_l1) AS l1_set, grouping(category_l2) AS l2_set`
    }, sum(tickets)::INTEGER AS appeals
     FROM (SELECT date_trunc($step, day)::DATE AS p, county_code, category_l1, category_l2, tickets
           FROM ${rollup}
           WHERE day BETWEEN $from::DATE AND $to::DATE)
     GROUP BY GROUPING SETS (${sets})`,
    { step, from: periods[0]!, to: lastDay },
  );
  const index = new Map(periods.map((p, i) => [p, i]));
  const series = new Map<string, LoadedSeries>();
  for (const row of rows) {
    const t = index.get(row.period_start);
    if (t === undefined) continue;
    const key = keyOf(row, step, cityCode);
    if (!key) continue;
    const id = seriesId(key);
    let s = series.get(id);
    if (!s) {
      s = { ...key, id, starts: periods, values: new Array<number>(periods.length).fill(0), total: 0 };
      series.set(id, s);
    }
    (s.values as number[])[t] = row.appeals;
    s.total += row.appeals;
  }
  return [...series.values()]
    .filter((s) => s.total >= MIN_APPEALS_TO_LIST)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The series a GROUPING SETS row belongs to; null for tickets without a district or category in those sets. */
function keyOf(row: PeriodRow, step: ForecastStep, cityCode: string): SeriesKey | null {
  const byRegion = row.region_set === 0;
  if (byRegion && row.county_code === null) return null;
  const level = row.l2_set === 0 ? 2 : row.l1_set === 0 ? 1 : 0;
  const code = level === 2 ? row.category_l2 : level === 1 ? row.category_l1 : 'all';
  if (code === null) return null;
  return {
    step,
    regionCode: byRegion ? row.county_code! : cityCode,
    regionLevel: byRegion ? 'district' : 'city',
    categoryLevel: level,
    categoryCode: code,
  };
}
