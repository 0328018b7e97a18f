import { historyLength } from '../analytics/anomalies';
import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { addDays, addMonths } from '../filters/periods';
import { filtersWhere } from '../sql/filters-where';
import { quantileFromBucketsSql } from '../sql/handling-time';
import { rollupFor } from '../sql/rollup-choice';
import type { ROLLUP_MEASURES, RollupMeasure } from '../sql/rollup-measures';
import type { TimeGrain } from '../sql/time-grain';
import { rankingLevel } from './district-ranking';

/** What a trend can be split by (the Trends view's "split by" choice). */
export const TREND_SPLITS = ['none', 'category', 'district', 'channel'] as const;
export type TrendSplit = (typeof TREND_SPLITS)[number];

/** Series keys that are not codes. Codes are digits and channels are stored names, so these cannot collide. */
export const SPLIT_KEYS = { all: '__all__', other: '__other__', none: '__none__' } as const;

/** The rollup column a split groups by: an allow-list, so it is safe as SQL text. */
export type SplitColumn = 'category_l1' | 'category_l2' | 'county_code' | 'town_code' | 'channel' | null;

/**
 * The column a split groups by, one level below the filter: second-level categories when a category is chosen
 * (one series for a second-level filter, named after it, rather than its parent), streets when a district or a
 * street is chosen.
 */
export function trendSplitColumn(filters: Filters, split: TrendSplit): SplitColumn {
  if (split === 'category') return filters.category ? 'category_l2' : 'category_l1';
  if (split === 'district')
    return filters.region && (filters.region.length > 6 || rankingLevel(filters.region) === 'town')
      ? 'town_code'
      : 'county_code';
  if (split === 'channel') return 'channel';
  return null;
}

/** The first day the trend reads: 8 weeks before the range for days, 8 periods before its first period otherwise. */
export function historyStart(grain: TimeGrain, from: string, firstPeriod: string): string {
  const back = historyLength(grain);
  if ('months' in back) return addMonths(firstPeriod, -back.months);
  return addDays(grain === 'day' ? from : firstPeriod, -back.days);
}

/** A split value with its appeals in the range, biggest first (ties by key). */
export interface SplitRanking {
  key: string;
  name: string;
  nameEn: string;
  tickets: number;
}

/**
 * Rollup sums of one period × series (top-N key or `__other__`); only the measures asked for are present. With
 * buckets, `tickets` counts the closed tickets and `median_hours` is their median handling time.
 */
export interface TrendRow extends Partial<Record<(typeof ROLLUP_MEASURES)[number], number>> {
  period: string;
  key: string;
  median_hours?: number | null;
}

function nameSource(column: SplitColumn): { join: string; zh: string; en: string } {
  if (column === 'category_l1' || column === 'category_l2')
    return { join: 'LEFT JOIN categories n ON n.code = split_key', zh: 'n.name_zh', en: 'n.name_en' };
  if (column === 'county_code' || column === 'town_code')
    return { join: 'LEFT JOIN regions n ON n.code = split_key', zh: 'n.name', en: 'n.name' };
  return { join: '', zh: 'split_key', en: 'split_key' };
}

/** Names of the `__none__` series: tickets without a value in the split column. */
const UNKNOWN_NAMES: Record<NonNullable<SplitColumn>, [zh: string, en: string]> = {
  category_l1: ['未分类', 'Unclassified'],
  category_l2: ['未分类', 'Unclassified'],
  county_code: ['未定位', 'No district'],
  town_code: ['未定位到街道', 'No street'],
  channel: ['未知渠道', 'Unknown channel'],
};

/**
 * Two scans sharing one ranking of the split values by appeals in the range: the ranking itself (with names, from
 * the smallest rollup with the split column) and the sums per period × series from `historyFrom` to the range's end.
 * Days between the first period's start and `filters.from` are left out, so the first period counts only days
 * inside the range, as the filter says. The sums are grouped by period and split value before the ranking is
 * joined and before dates become text, so the join and the formatting touch a few thousand groups, not every
 * rollup row; only the measures the metric reads are summed.
 */
export async function fetchTrendRows(
  filters: Filters,
  q: {
    grain: TimeGrain;
    column: SplitColumn;
    top: number;
    historyFrom: string;
    firstPeriod: string;
    /** Read handling-time buckets and return each period × series' median (the median's trend). */
    withBuckets: boolean;
    /** The measures to sum (ignored with buckets: the median needs only ticket counts). */
    measures: readonly RollupMeasure[];
  },
): Promise<{ ranking: SplitRanking[]; rows: TrendRow[] }> {
  const columns = q.column ? [q.column] : [];
  // The smallest rollup with the split column (and, for the median, handling-time buckets).
  const table = rollupFor(filters, columns, { buckets: q.withBuckets });
  const where = filtersWhere(filters, table, { dates: false });
  // Ranking needs ticket counts only: a rollup without buckets is many times smaller.
  const rankTable = rollupFor(filters, columns);
  const rankWhere = filtersWhere(filters, rankTable, { dates: false });
  // When both come from one table, one scan gives both: the ranking sums the range's periods of the scan.
  const shared = table === rankTable;
  const splitKey = (column: string) =>
    q.column ? `coalesce(${column}, '${SPLIT_KEYS.none}')` : `'${SPLIT_KEYS.all}'`;
  const rankedFrom = (split: string, counted: string, source: string) => `ranked AS (
    SELECT split_key, row_number() OVER (ORDER BY range_tickets DESC, split_key) AS split_rank, range_tickets
    FROM (SELECT ${splitKey(split)} AS split_key, sum(${counted})::DOUBLE AS range_tickets
          FROM ${source} GROUP BY 1 HAVING sum(${counted}) > 0))`;
  const ranked = shared
    ? rankedFrom('split_value', 'ranking_tickets', 'scanned WHERE period_start >= $firstPeriod::DATE')
    : rankedFrom(
        q.column ?? '',
        'tickets',
        `${rankTable} ${rankWhere.sql} AND day BETWEEN $from::DATE AND $to::DATE`,
      );
  const measures: readonly RollupMeasure[] = q.withBuckets ? ['tickets'] : q.measures;
  const names = nameSource(q.column);
  const bucket = q.withBuckets ? 'handling_bucket, ' : '';
  // Series are numbered by rank until the end (0 is "other": values beyond the top N and values seen only in the
  // history), and periods stay dates: grouping and the median's window then sort integers and dates, not text.
  const seriesRank = q.column ? 'CASE WHEN r.split_rank <= $top THEN r.split_rank ELSE 0 END' : '1';
  const seriesKey = q.column
    ? `CASE WHEN s.series_rank = 0 THEN '${SPLIT_KEYS.other}' ELSE r.split_key END`
    : `'${SPLIT_KEYS.all}'`;
  const rankingSelect = `SELECT split_key AS "key", coalesce(${names.zh}, split_key) AS name,
         coalesce(${names.en}, split_key) AS "nameEn", range_tickets AS tickets, split_rank::INTEGER AS split_rank
       FROM ranked ${names.join}`;
  const scanned = `scanned AS (
         SELECT date_trunc('${q.grain}', day)::DATE AS period_start${q.column ? `, ${q.column} AS split_value` : ''},
                ${bucket}${measures.map((m) => `sum(${m}) AS ${m}`).join(', ')}
                ${shared ? ', sum(tickets) AS ranking_tickets' : ''}
         FROM ${table}
         ${where.sql} AND day BETWEEN $historyFrom::DATE AND $to::DATE
           AND (day >= $from::DATE OR day < $firstPeriod::DATE)
         GROUP BY ALL)`;
  const seriesSql = `WITH ${scanned}, ${ranked},
       series AS (
         SELECT period_start, ${seriesRank} AS series_rank,
                ${bucket}${measures.map((m) => `coalesce(sum(${m}), 0)::DOUBLE AS ${m}`).join(', ')}
         FROM scanned g
         ${q.column ? `LEFT JOIN ranked r ON r.split_key = ${splitKey('g.split_value')}` : ''}
         ${q.withBuckets ? 'WHERE handling_bucket IS NOT NULL' : ''}
         GROUP BY ALL),
       measured AS (${
         q.withBuckets
           ? `SELECT period_start, series_rank, tickets, quantile_hours AS median_hours
              FROM (${quantileFromBucketsSql('series', ['period_start', 'series_rank'], 0.5)})`
           : 'SELECT * FROM series'
       })
       SELECT 'point' AS part, strftime(s.period_start, '%Y-%m-%d') AS period, ${seriesKey} AS "key",
              s.* EXCLUDE (period_start, series_rank)
       FROM measured s ${q.column ? 'LEFT JOIN ranked r ON r.split_rank = s.series_rank' : ''}
       ${shared ? `UNION ALL BY NAME SELECT 'rank' AS part, * FROM (${rankingSelect})` : ''}`;
  const params = {
    ...where.params,
    ...(shared ? {} : rankWhere.params),
    from: filters.from,
    to: filters.to,
    ...(q.column ? { top: q.top } : {}),
    historyFrom: q.historyFrom,
    firstPeriod: q.firstPeriod,
  };
  type Part = (TrendRow & { part: 'point' }) | (SplitRanking & { part: 'rank'; split_rank: number });
  const [separateRanking, parts] = await Promise.all([
    shared
      ? null
      : readRows<SplitRanking & { split_rank: number }>(`WITH ${ranked} ${rankingSelect}`, {
          ...rankWhere.params,
          from: filters.from,
          to: filters.to,
        }),
    readRows<Part>(seriesSql, params),
  ]);
  const rows: TrendRow[] = [];
  const ranks: (SplitRanking & { split_rank: number })[] = separateRanking ?? [];
  for (const row of parts) {
    if (row.part === 'rank') {
      ranks.push(row);
      continue;
    }
    // UNION BY NAME gave the points the ranking's columns too (null).
    const {
      part: _part,
      name: _name,
      nameEn: _nameEn,
      split_rank: _rank,
      ...point
    } = row as TrendRow & Record<'part' | 'name' | 'nameEn' | 'split_rank', unknown>;
    rows.push(point);
  }
  const ranking: SplitRanking[] = ranks
    .sort((a, b) => a.split_rank - b.split_rank)
    .map(({ key, name, nameEn, tickets }) => ({ key, name, nameEn, tickets }));
  const [noneZh, noneEn] = q.column ? UNKNOWN_NAMES[q.column] : ['', ''];
  for (const r of ranking) {
    if (r.key === SPLIT_KEYS.none) Object.assign(r, { name: noneZh, nameEn: noneEn });
    if (r.key === SPLIT_KEYS.all) Object.assign(r, { name: '全部', nameEn: 'All' });
  }
  return { ranking, rows };
}
