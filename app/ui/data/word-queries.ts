import { queryOptions } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import type { HotWords } from '@/lib/queries/hot-words';
import { apiUrl, getJson } from './api-client';

/** One queryOptions factory per hot-words API call; every filter value is part of the key. */
export const wordQueries = {
  hotWords: (filters: Filters) =>
    queryOptions({
      queryKey: ['hot-words', filters],
      queryFn: ({ signal }) => getJson<HotWords>(apiUrl('/api/hot-words', filters), signal),
    }),
};
