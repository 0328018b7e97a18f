import { z } from 'zod';
import { type Filters, FiltersError, parseFilters } from './filters';
import type { DateRange } from './periods';

/**
 * Splits a request's search params into the global Filters and the options of one view (granularity, page, sort),
 * validating both. A parameter neither knows is an error naming it, so a typo never silently widens a query.
 */
export function parseRequest<V extends z.ZodRawShape>(
  params: URLSearchParams,
  viewShape: V,
  defaults: DateRange,
): { filters: Filters; view: z.infer<z.ZodObject<V>> } {
  const filterParams = new URLSearchParams();
  const viewRaw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(viewShape, key)) viewRaw[key] = value;
    else filterParams.append(key, value);
  }
  const filters = parseFilters(filterParams, defaults);
  const parsed = z.object(viewShape).strict().safeParse(viewRaw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `"${issue.path.join('.')}": ${issue.message}`);
    throw new FiltersError(`invalid parameters: ${problems.join('; ')}`);
  }
  return { filters, view: parsed.data };
}
