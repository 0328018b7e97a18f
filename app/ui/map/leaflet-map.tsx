'use client';

import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import './map.css';
import { cellToBoundary, cellToLatLng } from 'h3-js';
import type * as Leaflet from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import type { MapTileSetting } from '@/lib/geo/map-tiles';
import type { BoundaryCollection } from '@/lib/queries/map-boundaries';
import type { Bbox } from '@/lib/queries/map-params';

/**
 * The one module that owns Leaflet (STYLE.md 13): it is loaded only in the browser (next/dynamic, no SSR) and
 * imports leaflet and its plugins lazily. The view above it passes plain data (what to draw, already coloured) and
 * gets back the viewport and the places clicked; nothing here fetches.
 */
type LeafletModule = typeof Leaflet;

/** A place the reader can open in the side panel. */
export type MapPlace =
  | { kind: 'cell'; cell: string; label: string }
  | { kind: 'region'; code: string; label: string };

/** A coloured shape or weighted point of the current layer. */
export interface ColouredCell {
  cell: string;
  colour: string;
  /** Tooltip text. */
  label: string;
}

export type MapLayer =
  | { kind: 'none' }
  | { kind: 'heat'; points: { lat: number; lon: number; weight: number }[] }
  | { kind: 'cells'; cells: ColouredCell[]; testId: 'hexagon' | 'hotspot' }
  | { kind: 'regions'; colours: Record<string, { colour: string; label: string }> }
  | { kind: 'points'; points: { id: string; lat: number; lon: number; label: string }[] };

export interface LeafletMapProps {
  boundaries: BoundaryCollection | undefined;
  layer: MapLayer;
  tiles: MapTileSetting | null;
  /** The cell or region code shown in the side panel, outlined on the map. */
  selected: string | null;
  /** Fly here (a hotspot picked in the list). */
  focus: { lat: number; lon: number; zoom: number } | null;
  onViewport: (viewport: { bbox: Bbox; zoom: number }) => void;
  onSelect: (place: MapPlace) => void;
  label: string;
}

let loading: Promise<LeafletModule> | null = null;

/** Leaflet and the plugins that extend its global `L` (leaflet.heat and leaflet.markercluster are not modules). */
function loadLeaflet(): Promise<LeafletModule> {
  loading ??= (async () => {
    const module = (await import('leaflet')) as LeafletModule & { default?: LeafletModule };
    const L = module.default ?? module;
    (window as unknown as { L: LeafletModule }).L = L;
    await import('leaflet.heat');
    await import('leaflet.markercluster');
    return L;
  })();
  return loading;
}

const BOUNDARY_STYLE = { color: '#475569', weight: 1.2, fill: false, opacity: 0.9 };

/**
 * Tooltip and popup content as a text node: Leaflet writes string content as HTML, and titles and names come from
 * the data, so they must never be parsed as markup.
 */
function plain(text: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'map-tip';
  element.textContent = text;
  return element;
}

/** Sets a data attribute on a vector layer's SVG path, for tests and for styling the selection. */
function tag(layer: Leaflet.Layer, name: string, value: string): void {
  const element = (layer as Leaflet.Path).getElement?.();
  element?.setAttribute(name, value);
}

export default function LeafletMap(props: LeafletMapProps) {
  const container = useRef<HTMLElement>(null);
  const [map, setMap] = useState<{ L: LeafletModule; map: Leaflet.Map } | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  // Create the map once; the plain background needs no tiles, so it works with no network.
  useEffect(() => {
    let disposed = false;
    let created: Leaflet.Map | null = null;
    loadLeaflet().then((L) => {
      if (disposed || !container.current) return;
      created = L.map(container.current, { minZoom: 3, maxZoom: 18, zoomSnap: 1, attributionControl: true });
      created.attributionControl.setPrefix(false);
      created.setView([30, 105], 5);
      const report = () => {
        const b = created?.getBounds();
        if (!b || !created) return;
        // The API takes at most 60° each way: a wider screen (zoomed far out) asks for its middle.
        const c = b.getCenter();
        const halfLon = Math.min(29.9, (b.getEast() - b.getWest()) / 2);
        const halfLat = Math.min(29.9, (b.getNorth() - b.getSouth()) / 2);
        callbacks.current.onViewport({
          bbox: {
            west: Math.max(-180, c.lng - halfLon),
            south: Math.max(-90, c.lat - halfLat),
            east: Math.min(180, c.lng + halfLon),
            north: Math.min(90, c.lat + halfLat),
          },
          zoom: created.getZoom(),
        });
      };
      created.on('moveend', report);
      // The container changes size with the window, large text and the side column: Leaflet must be told.
      const resized = new ResizeObserver(() => created?.invalidateSize({ pan: false }));
      resized.observe(container.current);
      created.on('unload', () => resized.disconnect());
      setMap({ L, map: created });
    });
    return () => {
      disposed = true;
      created?.remove();
    };
  }, []);

  // An optional tile layer from the deployment's setting.
  useEffect(() => {
    if (!map || !props.tiles) return;
    const tiles = map.L.tileLayer(props.tiles.url, {
      // Leaflet writes the attribution as HTML: the setting is plain text.
      attribution: props.tiles.attribution.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
      maxZoom: 18,
    }).addTo(map.map);
    return () => {
      tiles.remove();
    };
  }, [map, props.tiles]);

  // District (and street) boundaries: outlines always; filled and clickable in the choropleth.
  const regionColours = props.layer.kind === 'regions' ? props.layer.colours : null;
  const fitted = useRef(false);
  useEffect(() => {
    if (!map || !props.boundaries) return;
    const { L } = map;
    const finest = Math.max(...props.boundaries.features.map((f) => f.properties.level));
    const layer = L.geoJSON(props.boundaries as never, {
      filter: (feature) => regionColours === null || feature.properties.level === finest,
      style: (feature) => {
        const code = feature?.properties.code as string;
        const fill = regionColours?.[code];
        return fill
          ? {
              ...BOUNDARY_STYLE,
              fill: true,
              fillColor: fill.colour,
              fillOpacity: 0.75,
              color: '#ffffff',
              weight: 1.5,
            }
          : { ...BOUNDARY_STYLE, weight: feature?.properties.level === 3 ? 1.2 : 0.5 };
      },
      interactive: regionColours !== null,
      onEachFeature: (feature, featureLayer) => {
        const code = feature.properties.code as string;
        if (regionColours) {
          featureLayer.bindTooltip(plain(regionColours[code]?.label ?? feature.properties.name), {
            sticky: true,
          });
          featureLayer.on('click', () =>
            callbacks.current.onSelect({ kind: 'region', code, label: feature.properties.name }),
          );
        }
      },
    }).addTo(map.map);
    layer.eachLayer((featureLayer) => {
      const code = (featureLayer as Leaflet.GeoJSON & { feature: { properties: { code: string } } }).feature
        .properties.code;
      tag(featureLayer, 'data-region', code);
    });
    if (regionColours === null) layer.bringToBack();
    if (!fitted.current) {
      fitted.current = true;
      // fitBounds reports the viewport through moveend; with no boundaries, report the starting view.
      if (props.boundaries.features.length > 0) map.map.fitBounds(layer.getBounds(), { padding: [8, 8] });
      else map.map.fire('moveend');
    }
    return () => {
      layer.remove();
    };
  }, [map, props.boundaries, regionColours]);

  // The data layer: heat, coloured cells or clustered tickets.
  const { layer } = props;
  useEffect(() => {
    if (!map) return;
    const { L } = map;
    let drawn: Leaflet.Layer | null = null;
    if (layer.kind === 'heat' && layer.points.length > 0) {
      const max = Math.max(...layer.points.map((p) => p.weight));
      drawn = L.heatLayer(
        layer.points.map((p) => [p.lat, p.lon, p.weight] as [number, number, number]),
        { radius: 16, blur: 14, max, minOpacity: 0.25, maxZoom: map.map.getZoom() },
      );
    } else if (layer.kind === 'cells') {
      const group = L.featureGroup();
      for (const cell of layer.cells) {
        const polygon = L.polygon(cellToBoundary(cell.cell) as [number, number][], {
          color: '#ffffff',
          weight: 0.6,
          fillColor: cell.colour,
          fillOpacity: 0.78,
        });
        polygon.bindTooltip(plain(cell.label), { sticky: true });
        polygon.on('click', () =>
          callbacks.current.onSelect({ kind: 'cell', cell: cell.cell, label: cell.label }),
        );
        polygon.addTo(group);
      }
      // Hotspot cells are a few hundred metres wide: a dot keeps them visible when the whole city is on screen.
      if (layer.testId === 'hotspot') {
        for (const cell of layer.cells) {
          const [lat, lon] = cellToLatLng(cell.cell);
          const dot = L.circleMarker([lat, lon], {
            radius: 5,
            color: '#ffffff',
            weight: 1,
            fillColor: cell.colour,
            fillOpacity: 0.95,
          });
          dot.bindTooltip(plain(cell.label));
          dot.on('click', () =>
            callbacks.current.onSelect({ kind: 'cell', cell: cell.cell, label: cell.label }),
          );
          dot.addTo(group);
        }
      }
      drawn = group;
    } else if (layer.kind === 'points') {
      const cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
      for (const point of layer.points) {
        const marker = L.circleMarker([point.lat, point.lon], {
          radius: 6,
          color: '#ffffff',
          weight: 1.5,
          fillColor: '#dc2626',
          fillOpacity: 0.9,
        });
        marker.bindPopup(() => plain(point.label));
        cluster.addLayer(marker as unknown as Leaflet.Marker);
      }
      drawn = cluster;
    }
    if (!drawn) return;
    drawn.addTo(map.map);
    if (layer.kind === 'cells') {
      const shapes = (drawn as Leaflet.FeatureGroup).getLayers();
      layer.cells.forEach((cell, i) => {
        if (shapes[i]) tag(shapes[i], `data-${layer.testId}`, cell.cell);
      });
    }
    return () => {
      drawn?.remove();
    };
  }, [map, layer]);

  // Outline the selected cell or region; again after every redraw of the layers (they are new paths).
  // biome-ignore lint/correctness/useExhaustiveDependencies: layer and regionColours change the paths to outline.
  useEffect(() => {
    if (!map || !props.selected || !container.current) return;
    const id = CSS.escape(props.selected);
    const paths = container.current.querySelectorAll<SVGPathElement>(
      `path[data-hexagon="${id}"], path[data-hotspot="${id}"], path[data-region="${id}"]`,
    );
    for (const path of paths) {
      path.classList.add('map-selected');
    }
    return () => {
      for (const path of paths) {
        path.classList.remove('map-selected');
      }
    };
  }, [map, props.selected, layer, regionColours]);

  useEffect(() => {
    if (map && props.focus)
      map.map.flyTo([props.focus.lat, props.focus.lon], props.focus.zoom, { duration: 0.6 });
  }, [map, props.focus]);

  return (
    <section
      ref={container}
      className="map-canvas"
      aria-label={props.label}
      data-ready={map ? 'true' : 'false'}
      data-layer={layer.kind}
    />
  );
}
