'use client';

import { useQuery } from '@tanstack/react-query';
import { forecastQueries } from '../data/forecast-queries';
import { useDashboardFilters, useViewParam } from '../filters/use-dashboard-filters';
import { FORECAST_STEPS_UI } from './forecast-steps';

/** The step from the URL (`step`, weekly by default) and the stored forecast for the filters' place and category. */
export function useForecastView() {
  const { filters } = useDashboardFilters();
  const step = useViewParam('step', FORECAST_STEPS_UI, 'week');
  return { step, filters, query: useQuery(forecastQueries.view(filters, step)) };
}
