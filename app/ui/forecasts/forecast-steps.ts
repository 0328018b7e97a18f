import type { ForecastViewStep } from '@/lib/queries/forecast-view';

// lib/queries/forecast-view loads DuckDB, so the browser cannot import its values: this mirrors
// FORECAST_VIEW_STEPS there, and the type keeps them in step.
export const FORECAST_STEPS_UI = ['week', 'month', 'day'] as const satisfies readonly ForecastViewStep[];
