import { queryOptions } from '@tanstack/react-query';
import type { WorkflowState } from '@/lib/appdb/workflow';
import type { WorkflowChange } from '@/lib/appdb/workflow-schema';
import type { Filters } from '@/lib/filters/filters';
import type { PlanningCandidate } from '@/lib/queries/planning-candidates';
import type { PlanningEvidence } from '@/lib/queries/planning-evidence';
import type { PlanningImpact } from '@/lib/queries/planning-impact';
import { ApiError, apiUrl, getJson } from './api-client';

/** One queryOptions factory per planning API call; every filter and view value is part of the key. */
export const planningQueries = {
  candidates: (filters: Filters, view: Record<string, string | undefined>) =>
    queryOptions({
      queryKey: ['planning', 'candidates', filters, view],
      queryFn: ({ signal }) =>
        getJson<PlanningCandidate[]>(apiUrl('/api/planning/candidates', filters, view), signal),
    }),
  evidence: (filters: Filters, issue: string) =>
    queryOptions({
      queryKey: ['planning', 'evidence', filters, issue],
      queryFn: ({ signal }) =>
        getJson<PlanningEvidence>(apiUrl('/api/planning/evidence', filters, { issue }), signal),
    }),
  /** Before/after impact of a project done on `done` (not filtered: it compares the whole city). */
  impact: (issue: string, done: string) =>
    queryOptions({
      queryKey: ['planning', 'impact', issue, done],
      queryFn: ({ signal }) =>
        getJson<PlanningImpact>(`/api/planning/impact?${new URLSearchParams({ issue, done })}`, signal),
    }),
  /** Workflow state is user-entered and changes under other users: never served from the browser's cache. */
  workflow: () =>
    queryOptions({
      queryKey: ['planning', 'workflow'],
      queryFn: async ({ signal }) => {
        const response = await fetch('/api/planning/workflow', { signal, cache: 'no-store' });
        if (!response.ok) throw new ApiError(`${response.status} ${response.statusText}`, response.status);
        return (await response.json()) as WorkflowState[];
      },
    }),
};

/** Records a workflow change; throws ApiError with the server's message on 400. */
export async function postWorkflowChange(change: WorkflowChange): Promise<WorkflowState> {
  const response = await fetch('/api/planning/workflow', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
  const body = (await response.json()) as WorkflowState & { error?: string };
  if (!response.ok) throw new ApiError(body.error ?? `${response.status}`, response.status);
  return body;
}
