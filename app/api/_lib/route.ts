import type { Table } from 'apache-arrow';
import type { z } from 'zod';
import { AccessError, checkRole, type RouteAccess, SIGN_IN_REQUIRED, scopeFilters } from '@/lib/auth/access';
import { type AuditAction, recordAudit } from '@/lib/auth/audit';
import { exportLimiter } from '@/lib/auth/rate-limit';
import { suppressesSmallCounts, type Viewer } from '@/lib/auth/roles';
import { viewerFromRequest } from '@/lib/auth/session';
import { loadAuthSettings } from '@/lib/auth/settings';
import { suppressSmallCounts, type WithheldWithCounts } from '@/lib/auth/small-counts';
import { ARROW_STREAM, arrowStream } from '@/lib/db/arrow';
import {
  isInterrupted,
  QueryTimeoutError,
  queryTimeoutSeconds,
  WarehouseMissingError,
  warehouseGeneration,
} from '@/lib/db/read-only-warehouse';
import { type Filters, FiltersError, filtersToParams } from '@/lib/filters/filters';
import { parseRequest } from '@/lib/filters/request';
import { defaultRange, fetchDataSpan } from '@/lib/queries/data-span';
import { type CachedAnswer, type Computed, cachedAnswer, followGeneration } from './answer-cache';

/**
 * What a route returns: JSON for small results, an Arrow table for large ones, or a finished Response (files).
 * `headers` are added to the JSON or Arrow answer (a total count beside an Arrow page, `vary` when it depends on
 * the request's Accept header). `smallCounts` names the JSON keys that hold ticket counts, which readers without
 * ticket access see as "<3" below three (lib/auth/small-counts.ts); `withheldWithCounts` names keys derived from
 * them (a rise), null for those readers wherever a count beside them was suppressed.
 */
export type RouteResult =
  | {
      json: unknown;
      headers?: Record<string, string>;
      smallCounts?: readonly string[];
      withheldWithCounts?: WithheldWithCounts;
    }
  | { arrow: Table; headers?: Record<string, string> }
  | { response: Response };

/** Cached briefly in the browser only; `vary` because the answer depends on the format asked and on who asks. */
const CACHE_HEADERS = { 'cache-control': 'private, max-age=60', vary: 'accept, cookie' };

/**
 * JSON answers smaller than this go out uncompressed (`no-transform` keeps Next's gzip off them). Next strips the
 * Content-Length a route sets, so its compression cannot apply its own 1 KB threshold and gzips every answer:
 * about 2 ms of server time per request on a 2-core machine, more than most of these queries take, to save a few
 * kilobytes that cross an office network in well under a millisecond. Under load it cost more: gzip runs on Node's
 * worker threads, where it waited behind DuckDB queries even for an answer served from memory (bench/load: 59 → 77
 * requests/s, p50 139 → 54 ms). Larger answers (long trends, ticket pages) are still compressed, on every request:
 * a route cannot hand Next an answer gzipped once and kept (Next 16's sendResponse drops a route's Content-Encoding),
 * so the map's large layers go out as Arrow, which Next does not compress.
 */
const COMPRESS_FROM_BYTES = 8 * 1024;

const AUDIT_ACTION: Record<NonNullable<RouteAccess['audit']>, AuditAction> = {
  view: 'tickets.viewed',
  export: 'tickets.exported',
};

let routeCount = 0;

/**
 * Wraps a dashboard API route:
 *
 * 1. who asks: no valid session is 401; a role the route's `access` does not admit is 403 (lib/auth/access.ts);
 * 2. parses the Filters and the view's own parameters from the URL (missing dates default to the latest complete
 *    month of data) and narrows them to the viewer's region or department: asking outside it is 403;
 * 3. runs the handler, or shares the answer of an identical request (app/api/_lib/answer-cache.ts); suppresses
 *    small counts for readers without ticket access; records ticket views and exports in the audit trail;
 * 4. answers problems the user can fix with 400 and a message, a query that ran too long with 503, a missing
 *    warehouse with 503, and anything else with 500 and no stack trace or SQL (logged on the server).
 */
export function dashboardRoute<V extends z.ZodRawShape>(
  access: RouteAccess,
  viewShape: V,
  handler: (request: {
    filters: Filters;
    view: z.infer<z.ZodObject<V>>;
    /** The incoming request, for handlers that negotiate the format (Accept) or read headers. */
    request: Request;
    /** Who asks (already checked against `access`): handlers leave out text for readers without ticket access. */
    viewer: Viewer;
  }) => Promise<RouteResult>,
): (request: Request) => Promise<Response> {
  // Answers are shared per route (the handler), not per URL path: a path can be mounted twice.
  const routeId = ++routeCount;
  return async (request) => {
    const started = performance.now();
    // Server-Timing: the route's own time (parse, query, serialise), so the rest of a request's time is Next and HTTP.
    const timing = () => ({ 'server-timing': `route;dur=${(performance.now() - started).toFixed(1)}` });
    try {
      const viewer = await viewerFromRequest(request);
      if (!viewer) throw new AccessError(401, SIGN_IN_REQUIRED);
      checkRole(viewer, access);
      if (access.audit === 'export') {
        const wait = exportLimiter.take(viewer.username);
        if (wait !== null)
          return Response.json(
            { error: `too many exports: try again in ${wait} s (导出过于频繁)` },
            { status: 429, headers: { 'retry-after': String(wait) } },
          );
      }
      const url = new URL(request.url);
      const defaults = defaultRange(await fetchDataSpan());
      const parsed = parseRequest(url.searchParams, viewShape, defaults);
      const filters = scopeFilters(parsed.filters, viewer);
      const run = () => handler({ filters, view: parsed.view, request, viewer });
      if (access.audit) {
        const result = await run();
        await audit(viewer, access.audit, url, filters, result);
        const computed = toComputed(result, viewer);
        return 'response' in computed ? computed.response : respond(computed.answer, timing());
      }
      const generation = await warehouseGeneration();
      followGeneration(generation);
      const accept = request.headers.get('accept')?.includes(ARROW_STREAM) ? 'arrow' : 'json';
      const key = [routeId, generation, viewer.role, accept, canonicalQuery(url, filters)].join('|');
      const computed = await cachedAnswer(key, async () => toComputed(await run(), viewer));
      if ('response' in computed) return computed.response;
      return respond(computed.answer, { 'x-cache': computed.hit ? 'hit' : 'miss', ...timing() });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The scoped selection as it was run: the filters after scoping plus the view's own parameters. */
function auditedQuery(url: URL, filters: Filters): string {
  const query = filtersToParams(filters);
  for (const [key, value] of url.searchParams) if (!query.has(key)) query.set(key, value);
  return query.toString();
}

/** The same selection however its parameters were ordered (the cache key). */
function canonicalQuery(url: URL, filters: Filters): string {
  const query = new URLSearchParams(auditedQuery(url, filters));
  query.sort();
  return query.toString();
}

/** A route's result as bytes and headers (small counts suppressed for the viewer), or the file it made. */
function toComputed(result: RouteResult, viewer: Viewer): Computed {
  if ('response' in result) return { response: result.response };
  if ('arrow' in result) {
    return {
      answer: {
        body: arrowStream(result.arrow),
        headers: { 'content-type': ARROW_STREAM, ...CACHE_HEADERS, ...result.headers },
      },
    };
  }
  const json =
    result.smallCounts && suppressesSmallCounts(viewer)
      ? suppressSmallCounts(result.json, new Set(result.smallCounts), result.withheldWithCounts)
      : result.json;
  const body = new TextEncoder().encode(JSON.stringify(json));
  const cacheControl =
    body.byteLength < COMPRESS_FROM_BYTES
      ? `${CACHE_HEADERS['cache-control']}, no-transform`
      : CACHE_HEADERS['cache-control'];
  return {
    answer: {
      body,
      headers: {
        'content-type': 'application/json',
        ...CACHE_HEADERS,
        'cache-control': cacheControl,
        ...result.headers,
      },
    },
  };
}

function respond(answer: CachedAnswer, headers: Record<string, string>): Response {
  return new Response(answer.body as BodyInit, { headers: { ...answer.headers, ...headers } });
}

async function audit(
  viewer: Viewer,
  kind: NonNullable<RouteAccess['audit']>,
  url: URL,
  filters: Filters,
  result: RouteResult,
): Promise<void> {
  const status = 'response' in result ? result.response.status : 200;
  await recordAudit(loadAuthSettings().auditPath, viewer, AUDIT_ACTION[kind], url.pathname, {
    query: auditedQuery(url, filters),
    status,
  });
}

/** Problems answered with their status and a message; anything unexpected is 500 without details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AccessError) return Response.json({ error: error.message }, { status: error.status });
  if (error instanceof FiltersError) return Response.json({ error: error.message }, { status: 400 });
  if (error instanceof QueryTimeoutError) return Response.json({ error: error.message }, { status: 503 });
  // Routes that hold a lease themselves see DuckDB's own interrupt error when the time limit cancels their query.
  if (isInterrupted(error))
    return Response.json({ error: new QueryTimeoutError(queryTimeoutSeconds()).message }, { status: 503 });
  if (error instanceof WarehouseMissingError) return Response.json({ error: error.message }, { status: 503 });
  const missing = missingTable(error);
  if (missing) {
    console.warn(`a view asked for ${missing}, which the warehouse lacks: ${(error as Error).message}`);
    return Response.json(
      {
        error:
          `this view needs ${missing}, which this warehouse has not computed yet (loaded with --no-analytics, or ` +
          `by an earlier version): run "npm run etl -- analyse" (本视图所需的分析结果尚未生成)`,
      },
      { status: 503 },
    );
  }
  console.error(error);
  return Response.json({ error: 'internal error: the server log has the details' }, { status: 500 });
}

/**
 * The derived table a query found missing (DuckDB's catalog error), or null. The analytics steps build these
 * after a load; a warehouse loaded with --no-analytics has the tickets and rollups but not them, and that is the
 * operator's to fix, not an internal error. Only the table's name is passed on, never the SQL.
 */
function missingTable(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  return /Catalog Error: Table with name (\w+) does not exist/.exec(error.message)?.[1] ?? null;
}
