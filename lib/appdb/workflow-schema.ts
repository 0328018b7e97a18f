import { z } from 'zod';

/** The workflow's statuses and the shape of a change: no file access, so the browser bundle may import it. */
export const WORKFLOW_STATUSES = ['proposed', 'adopted', 'done', 'dropped'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** The event type of a workflow change in the application database. */
export const WORKFLOW_EVENT = 'planning.status';
export const MAX_NOTE_CHARS = 1000;

/** What a user submits: the new status, the date it took effect (YYYY-MM-DD) and an optional note. */
export const workflowChangeSchema = z
  .object({
    issueId: z.string().min(1).max(200),
    status: z.enum(WORKFLOW_STATUSES),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
    note: z.string().max(MAX_NOTE_CHARS).default(''),
  })
  .strict();
export type WorkflowChange = z.infer<typeof workflowChangeSchema>;
