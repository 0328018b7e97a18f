import { queryOptions } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import type { CategoryShares } from '@/lib/queries/category-shares';
import type { ChannelMixRow } from '@/lib/queries/channel-mix';
import type { DataQualityNotes } from '@/lib/queries/data-quality';
import type { DistrictRankingRow } from '@/lib/queries/district-ranking';
import type { OverviewKpis } from '@/lib/queries/overview-kpis';
import type { VolumeTrendPoint } from '@/lib/queries/volume-trend';
import type { TimeGrain } from '@/lib/sql/time-grain';
import { apiUrl, getJson } from './api-client';

/** One queryOptions factory per overview API call; every filter value is part of the key. */
export const overviewQueries = {
  kpis: (filters: Filters) =>
    queryOptions({
      queryKey: ['kpis', filters],
      queryFn: ({ signal }) => getJson<OverviewKpis>(apiUrl('/api/kpis', filters), signal),
    }),
  volumeTrend: (filters: Filters, grain: TimeGrain) =>
    queryOptions({
      queryKey: ['volume-trend', filters, grain],
      queryFn: ({ signal }) =>
        getJson<VolumeTrendPoint[]>(apiUrl('/api/volume-trend', filters, { grain }), signal),
    }),
  categoryShares: (filters: Filters) =>
    queryOptions({
      queryKey: ['category-shares', filters],
      queryFn: ({ signal }) => getJson<CategoryShares>(apiUrl('/api/category-shares', filters), signal),
    }),
  districtRanking: (filters: Filters) =>
    queryOptions({
      queryKey: ['district-ranking', filters],
      queryFn: ({ signal }) =>
        getJson<DistrictRankingRow[]>(apiUrl('/api/district-ranking', filters), signal),
    }),
  channelMix: (filters: Filters) =>
    queryOptions({
      queryKey: ['channel-mix', filters],
      queryFn: ({ signal }) => getJson<ChannelMixRow[]>(apiUrl('/api/channel-mix', filters), signal),
    }),
  dataQuality: (filters: Filters) =>
    queryOptions({
      queryKey: ['data-quality', filters],
      queryFn: ({ signal }) => getJson<DataQualityNotes>(apiUrl('/api/data-quality', filters), signal),
    }),
};
