import { type HotWord, hotWords } from '../analytics/text/hot-word-stats';
import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';

/** The baseline is this many periods of the selected length just before it (a month against the 3 before). */
export const BASELINE_PERIODS = 3;
/** A term needs this many tickets in the period to be tested. */
export const MIN_TERM_TICKETS = 5;
const MAX_HOT_WORDS = 60;
const MAX_FREQUENT = 40;

/** The answer of the hot-words view: the rising terms, and the most frequent ones for context. */
export interface HotWords {
  /** False when the warehouse has no `ticket_terms` yet (the ETL's terms step has not run). */
  available: boolean;
  period: { from: string; to: string; tickets: number };
  baseline: { from: string; to: string; tickets: number };
  minCount: number;
  /** Significant rises (G², Benjamini–Hochberg q ≤ 0.05), strongest first. */
  words: HotWord[];
  /** The period's most frequent terms, rising or not. */
  frequent: { term: string; count: number }[];
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The baseline window of a period: BASELINE_PERIODS × its length, ending the day before it starts. */
export function baselineRange(filters: Pick<Filters, 'from' | 'to'>): { from: string; to: string } {
  const from = Date.parse(`${filters.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${filters.to}T00:00:00Z`) - from) / DAY) + 1;
  return { from: isoDay(from - BASELINE_PERIODS * days * DAY), to: isoDay(from - DAY) };
}

/**
 * Terms whose share of the filtered tickets rose significantly in the selected period against its baseline
 * (lib/analytics/text/hot-word-stats.ts), for any category, district, channel … the filters select. Counts are
 * tickets containing the term (ticket_terms, built by the ETL's terms step), so one long message counts once.
 */
export async function fetchHotWords(filters: Filters): Promise<HotWords> {
  const baseline = baselineRange(filters);
  const empty: HotWords = {
    available: false,
    period: { from: filters.from, to: filters.to, tickets: 0 },
    baseline: { ...baseline, tickets: 0 },
    minCount: MIN_TERM_TICKETS,
    words: [],
    frequent: [],
  };
  const [exists] = await readRows<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'ticket_terms'",
  );
  if (!exists?.n) return empty;
  const where = filtersWhere(filters, 'tickets', { dates: false });
  const scoped = `SELECT ticket_id, received_at >= $from::DATE AS current
    FROM tickets ${where.sql}
      AND received_at >= $baselineFrom::DATE AND received_at < $to::DATE + INTERVAL 1 DAY`;
  const params = { ...where.params, from: filters.from, to: filters.to, baselineFrom: baseline.from };
  const [totals] = await readRows<{ period: number; baseline: number }>(
    `SELECT count(*) FILTER (WHERE current)::INTEGER AS period, count(*) FILTER (WHERE NOT current)::INTEGER AS baseline
     FROM (${scoped})`,
    params,
  );
  const counts = await readRows<{ term: string; count: number; baselineCount: number }>(
    `SELECT term, count(*) FILTER (WHERE s.current)::INTEGER AS count,
            count(*) FILTER (WHERE NOT s.current)::INTEGER AS "baselineCount"
     FROM ticket_terms JOIN (${scoped}) s USING (ticket_id)
     GROUP BY term
     HAVING count(*) FILTER (WHERE s.current) >= $minCount
     ORDER BY count DESC, term`,
    { ...params, minCount: MIN_TERM_TICKETS },
  );
  const period = totals?.period ?? 0;
  const before = totals?.baseline ?? 0;
  return {
    available: true,
    period: { from: filters.from, to: filters.to, tickets: period },
    baseline: { ...baseline, tickets: before },
    minCount: MIN_TERM_TICKETS,
    words: hotWords(counts, { period, baseline: before }, { minCount: MIN_TERM_TICKETS }).slice(
      0,
      MAX_HOT_WORDS,
    ),
    frequent: counts.slice(0, MAX_FREQUENT).map((c) => ({ term: c.term, count: c.count })),
  };
}
