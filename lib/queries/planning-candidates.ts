import { listValue } from '@duckdb/node-api';
import type { RecurringKind } from '../analytics/recurring/parameters';
import { suggestedProject } from '../analytics/recurring/project-types';
import {
  type CandidateMeasures,
  rankCandidates,
  type ScoreComponent,
  type Weights,
} from '../analytics/recurring/ranker';
import { borrowConnection } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import type { Text } from '../i18n/codes';
import { filtersWhere } from '../sql/filters-where';

/** One recurring issue with what the ranker counts over the filtered appeals (raw row). */
export interface CandidateRow extends CandidateMeasures {
  issueId: string;
  kind: RecurringKind;
  label: string | null;
  categoryL2: string | null;
  categoryZh: string | null;
  categoryEn: string | null;
  countyCode: string | null;
  countyName: string | null;
  townCode: string | null;
  townName: string | null;
  lon: number | null;
  lat: number | null;
  /** Appeals per month over the range, oldest first, for the sparkline ('YYYY-MM', appeals). */
  timeline: { month: string; tickets: number }[];
  /** The departments that handled most of its appeals, most first (at most three). */
  departments: string[];
}

/** A ranked candidate as the page and the API show it. */
export interface PlanningCandidate extends CandidateRow {
  rank: number;
  score: number;
  components: Record<ScoreComponent, number>;
  project: Text | null;
}

/**
 * The SQL behind the candidates: every recurring issue of the kinds asked for, counted over its member appeals that
 * pass the global filters (dates, region, category, channel, type, department, text). Issues with no appeal in the
 * selection are left out. The range's midpoint splits "earlier" from "recent" for growth.
 */
export function candidatesQuery(filters: Filters, kinds: readonly RecurringKind[]) {
  const where = filtersWhere(filters, 'tickets');
  return {
    sql: `WITH t AS (
        SELECT i.issue_id, s.* FROM recurring_members i
        JOIN (SELECT * FROM tickets ${where.sql}) s USING (ticket_id)
        WHERE i.issue_id IN (SELECT issue_id FROM recurring_issues WHERE list_contains($kinds::VARCHAR[], kind))),
      months AS (
        SELECT issue_id, list({'month': strftime(m, '%Y-%m'), 'tickets': n} ORDER BY m) AS timeline
        FROM (SELECT issue_id, date_trunc('month', received_at) AS m, count(*)::INTEGER AS n FROM t GROUP BY ALL)
        GROUP BY issue_id),
      depts AS (
        SELECT issue_id, list(department ORDER BY n DESC, department)[1:3] AS departments
        FROM (SELECT issue_id, department, count(*) AS n FROM t WHERE department IS NOT NULL GROUP BY ALL)
        GROUP BY issue_id),
      measures AS (
        SELECT issue_id, count(*)::INTEGER AS tickets,
               count(DISTINCT date_trunc('month', received_at))::INTEGER AS months,
               count(*) FILTER (received_at >= $mid::TIMESTAMP)::INTEGER AS recent_tickets,
               count(*) FILTER (received_at < $mid::TIMESTAMP)::INTEGER AS earlier_tickets,
               count(r.ticket_id)::INTEGER AS repeat_tickets,
               count(resolved)::INTEGER AS resolution_known,
               count(*) FILTER (resolved = false)::INTEGER AS unresolved,
               count(satisfaction)::INTEGER AS rated,
               count(*) FILTER (satisfaction = 'dissatisfied')::INTEGER AS dissatisfied,
               count(DISTINCT caller_key)::INTEGER AS callers,
               count(DISTINCT coalesce(place_key, h3_r10::VARCHAR))::INTEGER AS places
        FROM t LEFT JOIN repeat_appeals r USING (ticket_id)
        GROUP BY issue_id)
      SELECT i.issue_id AS "issueId", i.kind, i.label, i.category_l2 AS "categoryL2",
             c.name_zh AS "categoryZh", c.name_en AS "categoryEn",
             i.county_code AS "countyCode", rc.name AS "countyName", i.town_code AS "townCode",
             rt.name AS "townName", i.lon, i.lat,
             m.tickets, m.months, $rangeMonths::INTEGER AS "rangeMonths", m.recent_tickets AS "recentTickets",
             m.earlier_tickets AS "earlierTickets", m.repeat_tickets AS "repeatTickets",
             m.resolution_known AS "resolutionKnown", m.unresolved, m.rated, m.dissatisfied, m.callers, m.places,
             mo.timeline, coalesce(d.departments, []) AS departments
      FROM measures m JOIN recurring_issues i USING (issue_id) JOIN months mo USING (issue_id)
      LEFT JOIN depts d USING (issue_id)
      LEFT JOIN categories c ON c.code = i.category_l2
      LEFT JOIN regions rc ON rc.code = i.county_code
      LEFT JOIN regions rt ON rt.code = i.town_code
      ORDER BY m.tickets DESC, i.issue_id`,
    params: {
      ...where.params,
      kinds: listValue([...kinds]),
      mid: midpoint(filters.from, filters.to),
      rangeMonths: monthsBetween(filters.from, filters.to),
    },
  };
}

/** Calendar months touched by the range, both ends included. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The instant halfway through the range (from 00:00 to the end of `to`), as 'YYYY-MM-DD HH:MM:SS'. */
function midpoint(from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
  return new Date((start + end) / 2).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The ranked candidates (all of them: ranks and normalisation are over the whole selection), best first; equal
 * scores go to the candidate with more appeals.
 */
export async function fetchPlanningCandidates(
  filters: Filters,
  options: { kinds: readonly RecurringKind[]; weights: Weights },
): Promise<PlanningCandidate[]> {
  const query = candidatesQuery(filters, options.kinds);
  const lease = await borrowConnection();
  let rows: CandidateRow[];
  try {
    rows = await lease.rows<CandidateRow>(query.sql, query.params);
  } finally {
    lease.release();
  }
  return rankCandidates(rows, options.weights).map(({ candidate, components, score, rank }) => ({
    ...candidate,
    rank,
    score,
    components,
    project: suggestedProject(candidate.categoryL2),
  }));
}
