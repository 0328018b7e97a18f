import { queryOptions } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import type { BouncePair } from '@/lib/queries/handling-bounces';
import type { EscalationSummary } from '@/lib/queries/handling-escalations';
import type { HandlingDimension } from '@/lib/queries/handling-params';
import type { HandlingRateRow } from '@/lib/queries/handling-rates';
import type { UnitClosureQuality } from '@/lib/queries/handling-units';
import { apiUrl, getJson } from '../data/api-client';

/** One queryOptions factory per handling-quality API call; every filter and view value is part of the key. */
export const handlingQueries = {
  bouncePairs: (filters: Filters) =>
    queryOptions({
      queryKey: ['handling', 'bounce-pairs', filters],
      queryFn: ({ signal }) => getJson<BouncePair[]>(apiUrl('/api/handling/bounce-pairs', filters), signal),
    }),
  rates: (filters: Filters, by: HandlingDimension) =>
    queryOptions({
      queryKey: ['handling', 'rates', filters, by],
      queryFn: ({ signal }) =>
        getJson<HandlingRateRow[]>(apiUrl('/api/handling/rates', filters, { by }), signal),
    }),
  units: (filters: Filters, window: number) =>
    queryOptions({
      queryKey: ['handling', 'units', filters, window],
      queryFn: ({ signal }) =>
        getJson<UnitClosureQuality[]>(apiUrl('/api/handling/units', filters, { window }), signal),
    }),
  escalations: (filters: Filters) =>
    queryOptions({
      queryKey: ['handling', 'escalations', filters],
      queryFn: ({ signal }) =>
        getJson<EscalationSummary>(apiUrl('/api/handling/escalations', filters), signal),
    }),
};
