import { z } from 'zod';

/**
 * The one Filters model: every view, API route and the briefing read the same filters from the URL, so a view
 * can be bookmarked or shared. Parameter names are short because they live in the URL.
 *
 *   from, to   inclusive dates (YYYY-MM-DD) of time received
 *   region     a region code (city, district/county or town/street)
 *   category   a taxonomy code, first level (2 digits) or second level (4 digits)
 *   channel    an intake channel as stored (12345热线, 网络问政 …)
 *   type       an appeal type code (consult, help, complaint, report, suggestion, praise, other)
 *   dept       a handling department as stored
 *   cell       an H3 cell (h3-js hex) at a stored resolution (6, 8 or 10, read from the index): the map's places
 *   q          words the title or content contains (case-insensitive): the hot words' links to their tickets
 */
export const APPEAL_TYPES = [
  'consult',
  'help',
  'complaint',
  'report',
  'suggestion',
  'praise',
  'other',
] as const;

/** The H3 resolutions a `cell` filter may have: the ones stored on every ticket (h3_r6, h3_r8, h3_r10). */
export const H3_CELL_RESOLUTIONS: readonly number[] = [6, 8, 10];

/** The resolution of an H3 cell in h3-js hex form (bits 52–55, the second hex digit). */
export function cellResolution(cell: string): number {
  return Number.parseInt(cell.charAt(1), 16);
}

/** The widest range one request may ask for; beyond it a query would scan decades for nothing. */
export const MAX_RANGE_DAYS = 366 * 20;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a calendar date',
    },
  );

const label = z
  .string()
  .trim()
  .min(1)
  .max(80, 'at most 80 characters')
  .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20), 'no control characters');

export const filtersSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    region: z
      .string()
      .regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'a 6-, 9- or 12-digit region code')
      .optional(),
    category: z
      .string()
      .regex(/^\d{2}(\d{2})?$/, 'a 2- or 4-digit category code')
      .optional(),
    channel: label.optional(),
    type: z.enum(APPEAL_TYPES).optional(),
    dept: label.optional(),
    cell: z
      .string()
      .regex(/^8[0-9a-f]{14}$/, 'an H3 cell as lower-case hex (15 characters)')
      .refine((c) => H3_CELL_RESOLUTIONS.includes(cellResolution(c)), 'an H3 cell at resolution 6, 8 or 10')
      .optional(),
    q: label.optional(),
  })
  .strict()
  .refine((f) => f.from <= f.to, { message: '"from" must not be after "to"', path: ['from'] })
  .refine((f) => (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 <= MAX_RANGE_DAYS, {
    message: `a range of at most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });

export type Filters = z.infer<typeof filtersSchema>;

/** A filter problem a user can fix; route handlers answer it with 400 and this message. */
export class FiltersError extends Error {}

/**
 * Reads Filters from URL search params. Unknown parameters and malformed values are errors naming the parameter;
 * a missing range defaults to `defaults` (the views pass the latest complete month).
 */
export function parseFilters(params: URLSearchParams, defaults: { from: string; to: string }): Filters {
  const raw: Record<string, string> = { from: defaults.from, to: defaults.to };
  for (const [key, value] of params) {
    if (value !== '') raw[key] = value;
  }
  const parsed = filtersSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys')
        return `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return `"${issue.path.join('.')}": ${issue.message}`;
    });
    throw new FiltersError(`invalid filters: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The URL search params of a Filters value (the inverse of parseFilters), in a stable order. */
export function filtersToParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'region', 'category', 'channel', 'type', 'dept', 'cell', 'q'] as const) {
    const value = filters[key];
    if (value !== undefined) params.set(key, value);
  }
  return params;
}
