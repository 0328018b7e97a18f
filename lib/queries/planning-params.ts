import { z } from 'zod';
import type { RecurringKind } from '../analytics/recurring/parameters';
import { DEFAULT_WEIGHTS, MAX_WEIGHT, SCORE_COMPONENTS, type Weights } from '../analytics/recurring/ranker';

const KINDS = ['place', 'crowd', 'caller', 'text'] as const satisfies readonly RecurringKind[];

/** Candidates are problems of a place by default: those are what a public project can fix. */
export const DEFAULT_KINDS: readonly RecurringKind[] = ['place', 'crowd'];

const weight = z.coerce.number().min(0).max(MAX_WEIGHT).optional();

/**
 * The planners' view parameters (URL): `kinds` (comma-separated, default place,crowd) and one weight per score
 * component, `w_volume` … `w_spread`, each 0–MAX_WEIGHT (default DEFAULT_WEIGHTS).
 */
export const PLANNING_VIEW = {
  kinds: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(KINDS)).min(1, 'at least one kind'))
    .optional(),
  ...(Object.fromEntries(SCORE_COMPONENTS.map((k) => [`w_${k}`, weight])) as Record<
    `w_${(typeof SCORE_COMPONENTS)[number]}`,
    typeof weight
  >),
};

type PlanningViewParams = z.infer<z.ZodObject<typeof PLANNING_VIEW>>;

/** The kinds and weights a parsed view asks for, defaults filled in. */
export function planningOptions(view: PlanningViewParams): { kinds: RecurringKind[]; weights: Weights } {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const k of SCORE_COMPONENTS) {
    const value = view[`w_${k}`];
    if (value !== undefined) weights[k] = value;
  }
  return { kinds: view.kinds ?? [...DEFAULT_KINDS], weights };
}

/** The evidence endpoint's parameter: the candidate's issue id. */
export const EVIDENCE_VIEW = { issue: z.string().min(1).max(200) };

/** The impact endpoint's parameters: the candidate and the date its project was done. */
export const IMPACT_VIEW = {
  ...EVIDENCE_VIEW,
  done: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
};
