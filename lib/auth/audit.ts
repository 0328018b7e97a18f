import { type AppEvent, appendEvent, readEvents } from '../appdb/event-log';
import type { Viewer } from './roles';

/**
 * The audit trail: who viewed which ticket list or exported what, with the filters and the time, one append-only
 * line each in its own file of the application database (never the warehouse). Administrators read and export it
 * (/admin/audit); nothing can edit or remove a line through the dashboard.
 */
export type AuditAction = 'tickets.viewed' | 'tickets.exported' | 'audit.exported' | 'briefing.exported';

export interface AuditPayload {
  role: string;
  /** The query string as asked (after scoping), so a reviewer sees exactly which selection was seen. */
  query: string;
  status: number;
}

/** Query strings are capped so that one audit line stays one small atomic write (lib/appdb/event-log.ts). */
const MAX_QUERY_CHARS = 2000;

export function recordAudit(
  file: string,
  viewer: Viewer,
  action: AuditAction,
  resource: string,
  detail: { query: string; status: number },
): Promise<AppEvent<AuditPayload>> {
  return appendEvent<AuditPayload>(file, {
    type: action,
    actor: viewer.username,
    subject: resource,
    payload: { role: viewer.role, query: detail.query.slice(0, MAX_QUERY_CHARS), status: detail.status },
  });
}

export interface AuditQuery {
  user?: string;
  action?: string;
  limit?: number;
}

/** Newest first. */
export async function readAudit(file: string, query: AuditQuery = {}): Promise<AppEvent<AuditPayload>[]> {
  const { events } = await readEvents(file);
  const matching = (events as AppEvent<AuditPayload>[]).filter(
    (e) => (!query.user || e.actor === query.user) && (!query.action || e.type === query.action),
  );
  matching.reverse();
  return query.limit ? matching.slice(0, query.limit) : matching;
}
