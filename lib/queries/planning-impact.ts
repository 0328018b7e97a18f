import { differenceInDifferences, type ImpactResult } from '../analytics/recurring/impact';
import { borrowConnection } from '../db/read-only-warehouse';

/** Months before and (at most) after the done date that the comparison looks at. */
export const IMPACT_WINDOW_MONTHS = 12;
const DAYS_PER_MONTH = 365.25 / 12;

export type PlanningImpact = ImpactResult & {
  issueId: string;
  doneDate: string;
  categoryL2: string | null;
  /** The appeals counted at the project's place before and after, so the rates can be checked by hand. */
  treatedAppeals: { before: number; after: number };
};

/**
 * Appeals of the candidate's category at its place (its address, or its H3 r10 cell) and in every other H3 r8 cell
 * of the city with an appeal of the category in the months before, counted before and after the done date; the
 * window after ends at the data's last day, so a recent project has a short window and may not be judged yet.
 */
const IMPACT_SQL = `
  WITH issue AS (SELECT category_l2, place_key, cell FROM recurring_issues WHERE issue_id = $issueId),
  bounds AS (
    SELECT $done::DATE - INTERVAL ($window) MONTH AS start, $done::DATE AS done,
           least($done::DATE + INTERVAL ($window) MONTH, max(received_at)::DATE + 1) AS stop
    FROM tickets),
  scoped AS (
    SELECT t.received_at, t.h3_r8,
           (t.place_key = i.place_key OR t.h3_r10 = i.cell) AS treated
    FROM tickets t, issue i, bounds b
    WHERE t.category_l2 = i.category_l2 AND t.received_at >= b.start AND t.received_at < b.stop),
  units AS (
    SELECT CASE WHEN treated THEN 'treated' ELSE h3_r8::VARCHAR END AS unit,
           count(*) FILTER (received_at < (SELECT done FROM bounds))::INTEGER AS before,
           count(*) FILTER (received_at >= (SELECT done FROM bounds))::INTEGER AS after
    FROM scoped
    WHERE treated OR (h3_r8 IS NOT NULL AND h3_r8 NOT IN (SELECT h3_r8 FROM scoped WHERE treated AND h3_r8 IS NOT NULL))
    GROUP BY ALL)
  SELECT unit, before, after,
         date_diff('day', (SELECT start FROM bounds), (SELECT done FROM bounds))::INTEGER AS "daysBefore",
         greatest(0, date_diff('day', (SELECT done FROM bounds), (SELECT stop FROM bounds)))::INTEGER AS "daysAfter"
  FROM units WHERE unit = 'treated' OR before > 0 ORDER BY unit`;

interface UnitRow {
  unit: string;
  before: number;
  after: number;
  daysBefore: number;
  daysAfter: number;
}

/** The before/after comparison of a candidate marked done on `doneDate`; null when the issue does not exist. */
export async function fetchPlanningImpact(issueId: string, doneDate: string): Promise<PlanningImpact | null> {
  const lease = await borrowConnection();
  try {
    const [issue] = await lease.rows<{ category_l2: string | null }>(
      'SELECT category_l2 FROM recurring_issues WHERE issue_id = $issueId',
      { issueId },
    );
    if (!issue) return null;
    const rows = await lease.rows<UnitRow>(IMPACT_SQL, {
      issueId,
      done: doneDate,
      window: IMPACT_WINDOW_MONTHS,
    });
    const treated = rows.find((r) => r.unit === 'treated') ?? { before: 0, after: 0 };
    const any = rows[0];
    const result = differenceInDifferences({
      treated,
      controls: rows.filter((r) => r.unit !== 'treated'),
      monthsBefore: any ? any.daysBefore / DAYS_PER_MONTH : 0,
      monthsAfter: any ? any.daysAfter / DAYS_PER_MONTH : 0,
    });
    return {
      ...result,
      issueId,
      doneDate,
      categoryL2: issue.category_l2,
      treatedAppeals: { before: treated.before, after: treated.after },
    };
  } finally {
    lease.release();
  }
}
