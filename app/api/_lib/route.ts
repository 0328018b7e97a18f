import type { Table } from 'apache-arrow';
import type { z } from 'zod';
import { ARROW_STREAM, arrowStream } from '@/lib/db/arrow';
import { WarehouseMissingError } from '@/lib/db/read-only-warehouse';
import { type Filters, FiltersError } from '@/lib/filters/filters';
import { parseRequest } from '@/lib/filters/request';
import { defaultRange, fetchDataSpan } from '@/lib/queries/data-span';

/**
 * What a route returns: JSON for small results, an Arrow table for large ones, or a finished Response (files).
 * `headers` are added to the JSON or Arrow answer (a total count beside an Arrow page, `vary` when it depends on
 * the request's Accept header).
 */
export type RouteResult =
  | { json: unknown; headers?: Record<string, string> }
  | { arrow: Table; headers?: Record<string, string> }
  | { response: Response };

/** Cached briefly in the browser; `vary` because a route may answer JSON or Arrow for the same URL (Accept). */
const CACHE_HEADERS = { 'cache-control': 'private, max-age=60', vary: 'accept' };

/**
 * Wraps a dashboard API route: parses the Filters and the view's own parameters from the URL (missing dates
 * default to the latest complete month of data), runs the handler, and answers problems the user can fix with 400
 * and a message, a missing warehouse with 503, and anything else with 500 and no stack trace (logged on the server).
 * The handler also gets the Request, for routes that answer by its headers (Accept).
 */
export function dashboardRoute<V extends z.ZodRawShape>(
  viewShape: V,
  handler: (request: {
    filters: Filters;
    view: z.infer<z.ZodObject<V>>;
    /** The incoming request, for handlers that negotiate the format (Accept) or read headers. */
    request: Request;
  }) => Promise<RouteResult>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const started = performance.now();
    // Server-Timing: the route's own time (parse, query, serialise), so the rest of a request's time is Next and HTTP.
    const timing = () => ({ 'server-timing': `route;dur=${(performance.now() - started).toFixed(1)}` });
    try {
      const url = new URL(request.url);
      const defaults = defaultRange(await fetchDataSpan());
      const parsed = parseRequest(url.searchParams, viewShape, defaults);
      const result = await handler({ ...parsed, request });
      if ('response' in result) return result.response;
      if ('arrow' in result) {
        const body = arrowStream(result.arrow) as BodyInit;
        return new Response(body, {
          headers: { 'content-type': ARROW_STREAM, ...CACHE_HEADERS, ...result.headers, ...timing() },
        });
      }
      const body = JSON.stringify(result.json);
      return new Response(body, {
        headers: { 'content-type': 'application/json', ...CACHE_HEADERS, ...result.headers, ...timing() },
      });
    } catch (error) {
      if (error instanceof FiltersError) return Response.json({ error: error.message }, { status: 400 });
      if (error instanceof WarehouseMissingError)
        return Response.json({ error: error.message }, { status: 503 });
      console.error(error);
      return Response.json({ error: 'internal error: the server log has the details' }, { status: 500 });
    }
  };
}
