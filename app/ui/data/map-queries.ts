import { queryOptions } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import type { BoundaryCollection } from '@/lib/queries/map-boundaries';
import type { MapHeatRow } from '@/lib/queries/map-heat';
import type { MapHexagonRow } from '@/lib/queries/map-hexagons';
import type { MapHotspots } from '@/lib/queries/map-hotspots';
import type { Bbox } from '@/lib/queries/map-params';
import type { PlaceSummary } from '@/lib/queries/map-place';
import type { MapPointRow } from '@/lib/queries/map-points';
import type { MapRegions } from '@/lib/queries/map-regions';
import { ApiError, apiUrl, getJson } from './api-client';

/** The box and zoom a layer request is sized to. */
export interface MapViewport {
  bbox: Bbox;
  zoom: number;
}

const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/** `west,south,east,north` rounded to 5 decimals (about a metre), so a key does not change with float noise. */
export function bboxText(bbox: Bbox): string {
  return [bbox.west, bbox.south, bbox.east, bbox.north].map((v) => v.toFixed(5)).join(',');
}

/** An Arrow answer's rows and headers (x-resolution, x-truncated, x-total-count). */
async function getArrow<T>(url: string, signal: AbortSignal): Promise<{ rows: T[]; headers: Headers }> {
  const response = await fetch(url, { signal, headers: { accept: ARROW_STREAM } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(body.error ?? `${response.status} ${response.statusText}`, response.status);
  }
  // apache-arrow is loaded only when a layer needs it.
  const { tableFromIPC } = await import('apache-arrow');
  const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  return { rows: table.toArray().map((row) => row.toJSON() as T), headers: response.headers };
}

const view = (viewport: MapViewport) => ({ bbox: bboxText(viewport.bbox), zoom: viewport.zoom });

/** One queryOptions factory per /api/map call; every filter and viewport value is in the key. */
export const mapQueries = {
  boundaries: () =>
    queryOptions({
      queryKey: ['map-boundaries'],
      queryFn: ({ signal }) => getJson<BoundaryCollection>('/api/map/boundaries', signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  regions: (filters: Filters) =>
    queryOptions({
      queryKey: ['map-regions', filters],
      queryFn: ({ signal }) => getJson<MapRegions>(apiUrl('/api/map/regions', filters), signal),
    }),
  hexagons: (filters: Filters, viewport: MapViewport) =>
    queryOptions({
      queryKey: ['map-hexagons', filters, view(viewport)],
      queryFn: async ({ signal }) => {
        const { rows, headers } = await getArrow<MapHexagonRow>(
          apiUrl('/api/map/hexagons', filters, view(viewport)),
          signal,
        );
        return {
          rows,
          resolution: Number(headers.get('x-resolution')),
          truncated: headers.get('x-truncated') === 'true',
        };
      },
    }),
  heat: (filters: Filters, viewport: MapViewport) =>
    queryOptions({
      queryKey: ['map-heat', filters, view(viewport)],
      queryFn: async ({ signal }) => {
        const { rows, headers } = await getArrow<MapHeatRow>(
          apiUrl('/api/map/heat', filters, view(viewport)),
          signal,
        );
        return { rows, truncated: headers.get('x-truncated') === 'true' };
      },
    }),
  points: (filters: Filters, viewport: MapViewport) =>
    queryOptions({
      queryKey: ['map-points', filters, view(viewport)],
      queryFn: async ({ signal }) => {
        const { rows, headers } = await getArrow<MapPointRow>(
          apiUrl('/api/map/points', filters, view(viewport)),
          signal,
        );
        return { rows, total: Number(headers.get('x-total-count')) };
      },
    }),
  place: (filters: Filters) =>
    queryOptions({
      queryKey: ['map-place', filters],
      queryFn: ({ signal }) => getJson<PlaceSummary>(apiUrl('/api/map/place', filters), signal),
    }),
  hotspots: (filters: Filters) =>
    queryOptions({
      queryKey: ['map-hotspots', filters.category ?? 'all', filters.region ?? null],
      queryFn: ({ signal }) =>
        getJson<MapHotspots>(
          apiUrl('/api/map/hotspots', {
            from: filters.from,
            to: filters.to,
            category: filters.category,
            region: filters.region,
          }),
          signal,
        ),
    }),
};
