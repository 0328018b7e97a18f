'use client';

import { useQuery } from '@tanstack/react-query';
import type { SPLIT_KEYS, TrendSplit } from '@/lib/queries/metric-trend';
import { KPI_IDS } from '@/lib/sql/kpis';
import { TIME_GRAINS } from '@/lib/sql/time-grain';
import { type TrendView, trendQueries } from '../data/trend-queries';
import { type UrlPatch, useDashboardFilters, useViewParam } from '../filters/use-dashboard-filters';
import { defaultGrain } from '../overview/volume-trend-panel';

// lib/queries/metric-trend loads DuckDB, so the browser cannot import its values: these mirror TREND_SPLITS and
// SPLIT_KEYS there, and the types keep them in step.
export const SPLITS = ['none', 'category', 'district', 'channel'] as const satisfies readonly TrendSplit[];
const SPECIAL_KEYS: readonly (typeof SPLIT_KEYS)[keyof typeof SPLIT_KEYS][] = [
  '__all__',
  '__other__',
  '__none__',
];
export const OTHER_KEY: (typeof SPLIT_KEYS)['other'] = '__other__';

/** The "top N" choices: the API allows 1–12; 6 keeps a chart readable, 12 is its most. */
export const TOP_CHOICES = ['6', '12'] as const;

/** The filter a split value stands for. */
const SPLIT_FILTER: Record<Exclude<TrendSplit, 'none'>, 'category' | 'region' | 'channel'> = {
  category: 'category',
  district: 'region',
  channel: 'channel',
};

/**
 * The URL patch that filters to one series of a split (its category, region or channel), or null for the series
 * that are not one value: all appeals, "other" (the values beyond the top N), unclassified / not located.
 */
export function seriesFilter(split: TrendSplit, key: string): UrlPatch | null {
  if (split === 'none' || (SPECIAL_KEYS as readonly string[]).includes(key)) return null;
  return { [SPLIT_FILTER[split]]: key };
}

/** The Trends view's choices from the URL (metric, grain, split, top N) with their defaults. */
export function useTrendView(): TrendView {
  const { filters } = useDashboardFilters();
  const metric = useViewParam('metric', KPI_IDS, 'appeals');
  const grain = useViewParam('grain', TIME_GRAINS, defaultGrain(filters.from, filters.to));
  const split = useViewParam('split', SPLITS, 'none');
  const top = Number(useViewParam('top', TOP_CHOICES, '6'));
  return { metric, grain, split, top };
}

/** The trend the URL asks for; the chart, the anomaly list and the table share this one query. */
export function useMetricTrend() {
  const { filters } = useDashboardFilters();
  const view = useTrendView();
  return { view, query: useQuery(trendQueries.metricTrend(filters, view)) };
}
