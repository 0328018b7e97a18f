import { tableFromIPC } from 'apache-arrow';
import type { Filters } from '@/lib/filters/filters';

const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/** An API answer that is not 2xx: the message is the server's own (for 400s it says which parameter is wrong). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The URL of an API route for these filters and view parameters (filters first, in a stable order). */
export function apiUrl(
  path: string,
  filters: Filters,
  view: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  for (const [key, value] of Object.entries(view))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return `${path}?${params}`;
}

async function failure(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) message = body.error;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(message, response.status);
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** Fetches an Arrow IPC stream and returns its rows as plain objects. */
export async function getArrowRows<T>(url: string, signal?: AbortSignal): Promise<T[]> {
  const response = await fetch(url, { signal, headers: { accept: ARROW_STREAM } });
  if (!response.ok) throw await failure(response);
  const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  return table.toArray().map((row) => row.toJSON() as T);
}
