import type { AppEvent } from '../appdb/event-log';
import type { AuditPayload } from './audit';

const HEADER = ['time', 'user', 'role', 'action', 'resource', 'query', 'status'];

/** A spreadsheet cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The audit trail as CSV (UTF-8 with BOM so Excel reads the Chinese), newest first. */
export function auditCsv(events: AppEvent<AuditPayload>[]): string {
  const lines = [HEADER.join(',')];
  for (const e of events) {
    lines.push(
      [e.at, e.actor, e.payload.role, e.type, e.subject, e.payload.query, String(e.payload.status)]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
