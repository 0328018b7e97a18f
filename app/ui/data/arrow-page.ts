import { tableFromIPC } from 'apache-arrow';
import { ApiError } from './api-client';

const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/** One page of rows from an Arrow route, with the counts the route sends in headers beside the stream. */
export interface ArrowPage<T> {
  rows: T[];
  /** Every row the request selects, not only this page's (x-total-count). */
  total: number;
  page: number;
  pageSize: number;
}

function headerNumber(response: Response, name: string): number {
  const value = Number(response.headers.get(name));
  if (!Number.isInteger(value) || value < 0)
    throw new ApiError(`the answer has no valid ${name} header`, 500);
  return value;
}

/**
 * Fetches a paged Arrow stream (/api/tickets with Accept: Arrow) and reads x-total-count, x-page and x-page-size.
 * A failure carries the server's message, as getJson's do.
 */
export async function getArrowPage<T>(url: string, signal?: AbortSignal): Promise<ArrowPage<T>> {
  const response = await fetch(url, { signal, headers: { accept: ARROW_STREAM } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(body.error ?? `${response.status} ${response.statusText}`, response.status);
  }
  const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  return {
    rows: table.toArray().map((row) => row.toJSON() as T),
    total: headerNumber(response, 'x-total-count'),
    page: headerNumber(response, 'x-page'),
    pageSize: headerNumber(response, 'x-page-size'),
  };
}
