import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import type { UnitSuggestion } from '../analytics/handling/dispatch-model';
import { readRows } from '../db/read-only-warehouse';
import { maskPersonalData } from '../privacy/mask';
import { loadDispatchModel } from './dispatch-model';

/** Longest text a call-taker may paste (characters); a work order's content is rarely over 1,000. */
export const MAX_DISPATCH_TEXT = 4000;

/** The suggestion request's body: the appeal's text, and its category and place when the call-taker knows them. */
export const dispatchRequestSchema = z.object({
  text: z.string().trim().min(2, 'text: at least two characters').max(MAX_DISPATCH_TEXT),
  category: z
    .string()
    .regex(/^\d{4}$/, 'category: a second-level code like 0205')
    .optional(),
  region: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, 'region: a district (6 digits) or street (9 digits) code')
    .optional(),
});
export type DispatchRequest = z.infer<typeof dispatchRequestSchema>;

/** A request the caller can fix: answered 400 with the message. */
export class DispatchRequestError extends Error {}

/** A past ticket behind a suggestion: ids and masked text only. */
export interface SupportingTicket {
  ticketId: string;
  receivedAt: string;
  title: string;
  excerpt: string;
  town: string | null;
}

export interface DispatchAnswer {
  lead: (UnitSuggestion & { support: SupportingTicket[] })[];
  coHandling: UnitSuggestion[];
  matchedTerms: string[];
}

/**
 * The dispatch suggestion for a pasted appeal (POST /api/dispatch/suggest): validates the body, scores it with the
 * stored model and attaches up to two recent tickets per suggested unit that it handled without return, of the same
 * category and district where given (dispatch_examples, chosen by the ETL step). Kept apart from the route so auth and CSRF checks can wrap it.
 */
export async function suggestDispatch(body: unknown): Promise<DispatchAnswer> {
  const parsed = dispatchRequestSchema.safeParse(body);
  if (!parsed.success) throw new DispatchRequestError(parsed.error.issues.map((i) => i.message).join('; '));
  const request = parsed.data;
  const model = await loadDispatchModel();
  const county = request.region?.slice(0, 6) ?? null;
  const town = request.region && request.region.length === 9 ? request.region : null;
  const suggestion = model.suggest({
    text: maskPersonalData(request.text),
    category: request.category ?? null,
    county,
    town,
  });
  const support = await supportingTickets(
    suggestion.lead.map((s) => s.unit),
    request.category ?? null,
    county,
  );
  return {
    lead: suggestion.lead.map((s) => ({ ...s, support: support.get(s.unit) ?? [] })),
    coHandling: suggestion.coHandling,
    matchedTerms: suggestion.matchedTerms,
  };
}

async function supportingTickets(
  units: string[],
  category: string | null,
  county: string | null,
): Promise<Map<string, SupportingTicket[]>> {
  if (units.length === 0) return new Map();
  const rows = await readRows<SupportingTicket & { unit: string }>(
    `SELECT e.unit, e.ticket_id AS "ticketId", strftime(e.received_at, '%Y-%m-%d') AS "receivedAt", e.title,
            e.excerpt, r.name AS town
     FROM dispatch_examples e LEFT JOIN regions r ON r.code = e.town_code
     WHERE list_contains($units::VARCHAR[], e.unit)
       AND e.category IS NOT DISTINCT FROM $category AND e.county IS NOT DISTINCT FROM $county
     ORDER BY e.unit, e.received_at DESC, e.ticket_id`,
    { units: listValue(units), category, county },
  );
  const out = new Map<string, SupportingTicket[]>();
  for (const { unit, ...ticket } of rows) out.set(unit, [...(out.get(unit) ?? []), ticket]);
  return out;
}
