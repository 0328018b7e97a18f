import type { Table } from 'apache-arrow';
import type { z } from 'zod';
import { ARROW_STREAM, arrowStream } from '@/lib/db/arrow';
import { WarehouseMissingError } from '@/lib/db/read-only-warehouse';
import { type Filters, FiltersError } from '@/lib/filters/filters';
import { parseRequest } from '@/lib/filters/request';
import { defaultRange, fetchDataSpan } from '@/lib/queries/data-span';

/** What a route returns: JSON for small results, an Arrow table for large ones, or a finished Response (files). */
export type RouteResult = { json: unknown } | { arrow: Table } | { response: Response };

/**
 * Wraps a dashboard API route: parses the Filters and the view's own parameters from the URL (missing dates
 * default to the latest complete month of data), runs the handler, and answers problems the user can fix with 400
 * and a message, a missing warehouse with 503, and anything else with 500 and no stack trace (logged on the server).
 */
export function dashboardRoute<V extends z.ZodRawShape>(
  viewShape: V,
  handler: (request: { filters: Filters; view: z.infer<z.ZodObject<V>> }) => Promise<RouteResult>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const url = new URL(request.url);
      const defaults = defaultRange(await fetchDataSpan());
      const parsed = parseRequest(url.searchParams, viewShape, defaults);
      const result = await handler(parsed);
      if ('response' in result) return result.response;
      if ('arrow' in result) {
        return new Response(arrowStream(result.arrow) as BodyInit, {
          headers: { 'content-type': ARROW_STREAM, 'cache-control': 'private, max-age=60' },
        });
      }
      return Response.json(result.json, { headers: { 'cache-control': 'private, max-age=60' } });
    } catch (error) {
      if (error instanceof FiltersError) return Response.json({ error: error.message }, { status: 400 });
      if (error instanceof WarehouseMissingError)
        return Response.json({ error: error.message }, { status: 503 });
      console.error(error);
      return Response.json({ error: 'internal error: the server log has the details' }, { status: 500 });
    }
  };
}
