import { queryOptions } from '@tanstack/react-query';
import type { DispatchBacktestRow } from '@/lib/queries/dispatch-model';
import type { DispatchAnswer, DispatchRequest } from '@/lib/queries/dispatch-suggest';
import { ApiError } from '../data/api-client';

/** The dispatch suggestion's backtest (not filtered: it describes the stored model). */
export const dispatchQueries = {
  backtest: () =>
    queryOptions({
      queryKey: ['dispatch', 'backtest'],
      queryFn: async ({ signal }) => {
        const response = await fetch('/api/dispatch/backtest', { signal });
        if (!response.ok) throw new ApiError(`${response.status} ${response.statusText}`, response.status);
        return (await response.json()) as DispatchBacktestRow | null;
      },
    }),
};

/** Asks for suggestions; throws ApiError with the server's message on 400. */
export async function postDispatchSuggestion(request: DispatchRequest): Promise<DispatchAnswer> {
  const response = await fetch('/api/dispatch/suggest', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as DispatchAnswer & { error?: string };
  if (!response.ok) throw new ApiError(body.error ?? `${response.status}`, response.status);
  return body;
}
