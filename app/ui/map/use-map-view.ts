'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { useViewParam } from '../filters/use-dashboard-filters';
import { MAP_GRAINS, type MapGrain, type TimeStep, timeSteps } from './time-steps';

/** The map's layers, as the `layer` URL parameter names them. */
export const MAP_LAYERS = ['hexagons', 'heat', 'regions', 'points', 'hotspots'] as const;
export type MapLayerKind = (typeof MAP_LAYERS)[number];

/** The choropleth's measure: appeals, or appeals per 10,000 residents. */
export const REGION_MEASURES = ['raw', 'per10k'] as const;
export type RegionMeasure = (typeof REGION_MEASURES)[number];

export interface MapView {
  layer: MapLayerKind;
  measure: RegionMeasure;
  grain: MapGrain;
  steps: TimeStep[];
  /** The slider's position, or null for the whole range. */
  step: TimeStep | null;
}

/**
 * The map's choices from the URL (layer, measure, step grain and the step `t`), so a map can be bookmarked like
 * any view. A `t` that is not a step of the range is read as the whole range.
 */
export function useMapView(from: string, to: string): MapView {
  const layer = useViewParam('layer', MAP_LAYERS, 'hexagons');
  const measure = useViewParam('measure', REGION_MEASURES, 'raw');
  const grain = useViewParam('step', MAP_GRAINS, 'month');
  const t = useSearchParams().get('t');
  const steps = useMemo(() => timeSteps(from, to, grain), [from, to, grain]);
  const step = steps.find((s) => s.key === t) ?? null;
  return { layer, measure, grain, steps, step };
}
