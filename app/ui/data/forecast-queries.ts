import { queryOptions } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import type { ProactiveCalendarRow } from '@/lib/queries/forecast-calendar';
import type { ForecastView, ForecastViewStep } from '@/lib/queries/forecast-view';
import { apiUrl, getJson } from './api-client';

/**
 * One queryOptions factory per forecasts API call. Forecasts are stored per place and category only, so the key
 * holds the region and category (the API ignores dates, channel, type and department) and the view's own choices.
 */
export const forecastQueries = {
  view: (filters: Filters, step: ForecastViewStep) =>
    queryOptions({
      queryKey: ['forecasts', filters.region ?? null, filters.category ?? null, step],
      queryFn: ({ signal }) =>
        getJson<ForecastView>(apiUrl('/api/forecasts', placeOf(filters), { step }), signal),
    }),
  calendar: (filters: Filters, months: number) =>
    queryOptions({
      queryKey: ['forecast-calendar', filters.region ?? null, filters.category ?? null, months],
      queryFn: ({ signal }) =>
        getJson<ProactiveCalendarRow[]>(
          apiUrl('/api/forecasts/calendar', placeOf(filters), { months }),
          signal,
        ),
    }),
};

/** The filters a forecast depends on; the dates are kept so the API's range check sees the same as elsewhere. */
export function placeOf(filters: Filters): Filters {
  return {
    from: filters.from,
    to: filters.to,
    region: filters.region,
    category: filters.category,
  } as Filters;
}
