import { type AppEvent, appendEvent, readEvents } from './event-log';
import { WORKFLOW_EVENT, type WorkflowChange, type WorkflowStatus } from './workflow-schema';

export * from './workflow-schema';

/**
 * The planners' workflow (每月一题): a candidate is proposed, adopted as a project, then done. Each change is an
 * event (`planning.status`) in the application database; the state of a candidate is its latest event, and its
 * history is all of them. Candidates are keyed by their recurring-issue id, which is derived from kind, category and
 * place (etl/analytics/recurring.ts), so the state survives reloads of the warehouse.
 */
type Payload = Omit<WorkflowChange, 'issueId'>;

/** A candidate's current workflow state and every change that led to it, oldest first. */
export interface WorkflowState {
  issueId: string;
  status: WorkflowStatus;
  date: string;
  note: string;
  updatedAt: string;
  actor: string;
  history: { status: WorkflowStatus; date: string; note: string; at: string; actor: string }[];
}

/** Records a change. */
export async function recordWorkflowChange(file: string, change: WorkflowChange, actor = 'anonymous') {
  const { issueId, ...payload } = change;
  return appendEvent<Payload>(file, { type: WORKFLOW_EVENT, actor, subject: issueId, payload });
}

/** The state of every candidate that has one, keyed by issue id. */
export async function readWorkflow(file: string): Promise<Map<string, WorkflowState>> {
  const { events } = await readEvents(file);
  const states = new Map<string, WorkflowState>();
  for (const event of events as AppEvent<Payload>[]) {
    if (event.type !== WORKFLOW_EVENT) continue;
    const step = { ...event.payload, at: event.at, actor: event.actor };
    const previous = states.get(event.subject);
    states.set(event.subject, {
      issueId: event.subject,
      status: step.status,
      date: step.date,
      note: step.note,
      updatedAt: step.at,
      actor: step.actor,
      history: [...(previous?.history ?? []), step],
    });
  }
  return states;
}
