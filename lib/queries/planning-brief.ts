import { briefXlsx } from '../analytics/recurring/brief-xlsx';
import type { RecurringKind } from '../analytics/recurring/parameters';
import type { Weights } from '../analytics/recurring/ranker';
import { readWorkflow } from '../appdb/workflow';
import type { Filters } from '../filters/filters';
import type { Lang } from '../i18n/codes';
import { fetchPlanningCandidates } from './planning-candidates';
import { fetchPlanningEvidence } from './planning-evidence';

/**
 * The one-page XLSX brief of a candidate as ranked under these filters, kinds and weights, with its workflow
 * state from the application database (`appDbPath`); null when the candidate has no appeal in the selection.
 */
export async function fetchPlanningBrief(
  filters: Filters,
  options: {
    issueId: string;
    kinds: readonly RecurringKind[];
    weights: Weights;
    lang: Lang;
    appDbPath?: string;
  },
): Promise<Buffer | null> {
  const candidates = await fetchPlanningCandidates(filters, {
    kinds: options.kinds,
    weights: options.weights,
  });
  const candidate = candidates.find((c) => c.issueId === options.issueId);
  if (!candidate) return null;
  const evidence = await fetchPlanningEvidence(filters, options.issueId);
  if (!evidence) return null;
  const workflow = options.appDbPath
    ? (await readWorkflow(options.appDbPath)).get(options.issueId)
    : undefined;
  return briefXlsx({
    candidate,
    evidence,
    weights: options.weights,
    range: { from: filters.from, to: filters.to },
    workflow,
    lang: options.lang,
  });
}
