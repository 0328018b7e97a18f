import type { Filters } from '@/lib/filters/filters';
import type { PlaceSummary } from '@/lib/queries/map-place';
import type { MapPlace } from './leaflet-map';

/** The filters that select a place's tickets: a hexagon by its cell, a region by its code (replacing any region). */
export function placeFilters(filters: Filters, place: MapPlace): Filters {
  return place.kind === 'cell' ? { ...filters, cell: place.cell } : { ...filters, region: place.code };
}

function query(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'region', 'category', 'channel', 'type', 'dept', 'cell'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** 查看诉求清单: the ticket list with the same filters and the place. */
export function ticketsHref(filters: Filters, place: MapPlace): string {
  return `/tickets?${query(placeFilters(filters, place))}`;
}

/**
 * 在趋势中查看: the trends by month for the place. The trends read daily rollups, which have no cells, so a hexagon
 * opens the street (else the district) most of its appeals lie in; null when none is known.
 */
export function trendsHref(
  filters: Filters,
  place: MapPlace,
  summary: PlaceSummary | undefined,
): string | null {
  const { cell: _cell, ...rest } = filters;
  const region = place.kind === 'region' ? place.code : (summary?.town?.code ?? summary?.county?.code);
  if (!region) return null;
  return `/trends?${query({ ...rest, region }, { grain: 'month' })}`;
}
