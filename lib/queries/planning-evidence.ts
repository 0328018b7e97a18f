import { borrowConnection } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';

/** The evidence behind one candidate: what its appeals are about, who handled them, and a few of them. */
export interface PlanningEvidence {
  issueId: string;
  /** Appeals per second-level category (a text or caller issue may span several), most first. */
  categories: { code: string | null; zh: string | null; en: string | null; tickets: number }[];
  /** Appeals per lead department, most first. */
  departments: { department: string | null; tickets: number }[];
  /** The latest appeals, title and content as masked at load (docs/privacy.md). */
  samples: {
    ticketId: string;
    receivedAt: string;
    channel: string;
    title: string | null;
    content: string | null;
  }[];
}

/** How many appeals are shown as samples. */
export const EVIDENCE_SAMPLES = 5;
/** Characters of content shown per sample. */
const SAMPLE_CHARS = 160;

/** The issue's member appeals that pass the filters, as a CTE named `t`. */
function membersCte(filters: Filters) {
  const where = filtersWhere(filters, 'tickets');
  return {
    sql: `WITH t AS (SELECT s.* FROM recurring_members m JOIN (SELECT * FROM tickets ${where.sql}) s USING (ticket_id)
                     WHERE m.issue_id = $issueId)`,
    params: where.params,
  };
}

/** Evidence of one candidate under the filters; null when the issue does not exist. */
export async function fetchPlanningEvidence(
  filters: Filters,
  issueId: string,
): Promise<PlanningEvidence | null> {
  const cte = membersCte(filters);
  const params = { ...cte.params, issueId };
  const lease = await borrowConnection();
  try {
    const exists = await lease.rows<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM recurring_issues WHERE issue_id = $issueId',
      { issueId },
    );
    if (!exists[0]?.n) return null;
    const categories = await lease.rows<PlanningEvidence['categories'][number]>(
      `${cte.sql} SELECT t.category_l2 AS code, c.name_zh AS zh, c.name_en AS en, count(*)::INTEGER AS tickets
       FROM t LEFT JOIN categories c ON c.code = t.category_l2 GROUP BY ALL ORDER BY tickets DESC, code`,
      params,
    );
    const departments = await lease.rows<PlanningEvidence['departments'][number]>(
      `${cte.sql} SELECT department, count(*)::INTEGER AS tickets FROM t GROUP BY ALL
       ORDER BY tickets DESC, department`,
      params,
    );
    const samples = await lease.rows<PlanningEvidence['samples'][number]>(
      `${cte.sql} SELECT ticket_id AS "ticketId", strftime(received_at, '%Y-%m-%d %H:%M') AS "receivedAt", channel,
              title, left(content, $chars) AS content
       FROM t ORDER BY received_at DESC, ticket_id LIMIT $limit`,
      { ...params, chars: SAMPLE_CHARS, limit: EVIDENCE_SAMPLES },
    );
    return { issueId, categories, departments, samples };
  } finally {
    lease.release();
  }
}
