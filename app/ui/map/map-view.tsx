'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useCallback, useMemo, useState } from 'react';
import type { MapTileSetting } from '@/lib/geo/map-tiles';
import type { Bbox } from '@/lib/queries/map-params';
import { hexResolutionForZoom, POINTS_MIN_ZOOM, padBbox } from '@/lib/queries/map-params';
import { type MapViewport, mapQueries } from '../data/map-queries';
import { useDashboard } from '../filters/dashboard-context';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount } from '../format';
import { useText } from '../i18n/preferences';
import { ErrorNotice, Loading, Panel } from '../states/widget-state';
import { HotspotList } from './hotspot-list';
import type { MapLayer, MapPlace } from './leaflet-map';
import { MapControls } from './map-controls';
import { heatLayer, hexagonLayer, hotspotLayer, pointLayer, regionLayer } from './map-layers';
import { HeatLegend, HotspotLegend, ScaleLegend } from './map-legend';
import { HexagonRanking, RegionRanking } from './map-rankings';
import { PlacePanel } from './place-panel';
import { filtersForStep } from './time-steps';
import { useMapView } from './use-map-view';

// Leaflet touches `window` as it loads: the module is loaded in the browser only.
const LeafletMap = dynamic(() => import('./leaflet-map'), {
  ssr: false,
  loading: () => <Loading height={620} />,
});

const inside = (inner: Bbox, outer: Bbox) =>
  inner.west >= outer.west &&
  inner.east <= outer.east &&
  inner.south >= outer.south &&
  inner.north <= outer.north;

/**
 * The map page: the controls, the Leaflet map with the current layer and its legend, and a side column (the place
 * clicked, the ranked hotspots, or the regions or hexagons ranked). Layers read the global filters with the dates
 * narrowed to the time slider's step; the side panel of a place reads the whole range.
 */
export function MapView({ tiles }: { tiles: MapTileSetting | null }) {
  const { filters } = useDashboardFilters();
  const { options } = useDashboard();
  const { t, lang } = useText();
  const view = useMapView(filters.from, filters.to);
  const globalFilters = useMemo(() => {
    const { cell: _cell, ...rest } = filters;
    return rest;
  }, [filters]);
  const mapFilters = useMemo(() => filtersForStep(globalFilters, view.step), [globalFilters, view.step]);
  const [screen, setScreen] = useState<MapViewport | null>(null);
  // The box layers are fetched for: kept while the screen stays inside it (the server pads it by a quarter).
  const [fetched, setFetched] = useState<MapViewport | null>(null);
  const [place, setPlace] = useState<MapPlace | null>(null);
  const [focus, setFocus] = useState<{ lat: number; lon: number; zoom: number } | null>(null);

  const onViewport = useCallback((next: MapViewport) => {
    setScreen(next);
    setFetched((previous) =>
      previous && previous.zoom === next.zoom && inside(next.bbox, padBbox(previous.bbox, 0.2))
        ? previous
        : next,
    );
  }, []);

  const boundaries = useQuery(mapQueries.boundaries());
  const layerKind = view.layer;
  const viewport = fetched ?? { bbox: { west: 0, south: 0, east: 1, north: 1 }, zoom: 3 };
  const pointsZoom = (screen?.zoom ?? 0) >= POINTS_MIN_ZOOM;
  const regions = useQuery({
    ...mapQueries.regions(mapFilters),
    enabled: layerKind === 'regions',
    placeholderData: keepPreviousData,
  });
  const hexagons = useQuery({
    ...mapQueries.hexagons(mapFilters, viewport),
    enabled: layerKind === 'hexagons' && fetched !== null,
    placeholderData: keepPreviousData,
  });
  const heat = useQuery({
    ...mapQueries.heat(mapFilters, viewport),
    enabled: layerKind === 'heat' && fetched !== null,
    placeholderData: keepPreviousData,
  });
  const points = useQuery({
    ...mapQueries.points(mapFilters, screen ?? viewport),
    enabled: layerKind === 'points' && pointsZoom,
    placeholderData: keepPreviousData,
  });
  const hotspots = useQuery({ ...mapQueries.hotspots(globalFilters), enabled: layerKind === 'hotspots' });

  const active =
    layerKind === 'regions'
      ? regions
      : layerKind === 'hexagons'
        ? hexagons
        : layerKind === 'heat'
          ? heat
          : layerKind === 'points'
            ? points
            : hotspots;

  const drawn = useMemo((): { layer: MapLayer; legend: ReturnType<typeof hexagonLayer>['legend'] | null } => {
    if (layerKind === 'hexagons' && hexagons.data) return hexagonLayer(hexagons.data.rows, lang);
    if (layerKind === 'regions' && regions.data) return regionLayer(regions.data.rows, view.measure, lang);
    if (layerKind === 'heat' && heat.data) return { layer: heatLayer(heat.data.rows), legend: null };
    if (layerKind === 'points' && points.data && pointsZoom)
      return { layer: pointLayer(points.data.rows, lang), legend: null };
    if (layerKind === 'hotspots' && hotspots.data?.available)
      return { layer: hotspotLayer(hotspots.data.cells, lang), legend: null };
    return { layer: { kind: 'none' }, legend: null };
  }, [
    layerKind,
    hexagons.data,
    regions.data,
    heat.data,
    points.data,
    hotspots.data,
    view.measure,
    lang,
    pointsZoom,
  ]);

  const categoryName = useMemo(() => {
    const category = options.categories.find((c) => c.code === filters.category);
    return category ? (lang === 'en' ? (category.nameEn ?? category.name) : category.name) : null;
  }, [options.categories, filters.category, lang]);

  const open = useCallback((next: MapPlace) => setPlace(next), []);

  const status = (() => {
    if (active.isPending && active.fetchStatus === 'fetching') return t({ zh: '正在加载…', en: 'Loading…' });
    if (layerKind === 'hexagons' && hexagons.data) {
      const total = hexagons.data.rows.reduce((s, r) => s + r.tickets, 0);
      return t({
        zh: `H3 ${hexagons.data.resolution} 级六边形 ${formatCount(hexagons.data.rows.length, lang)} 个，含诉求 ${formatCount(total, lang)} 件（仅有坐标的诉求）${hexagons.data.truncated ? '；只显示诉求最多的部分' : ''}`,
        en: `${formatCount(hexagons.data.rows.length, lang)} H3 resolution-${hexagons.data.resolution} hexagons with ${formatCount(total, lang)} appeals (located appeals only)${hexagons.data.truncated ? '; only the busiest are shown' : ''}`,
      });
    }
    if (layerKind === 'heat' && heat.data) {
      const total = heat.data.rows.reduce((s, r) => s + r.tickets, 0);
      return t({
        zh: `热力：${formatCount(total, lang)} 件有坐标的诉求，汇总为 ${formatCount(heat.data.rows.length, lang)} 个加权点`,
        en: `Heat: ${formatCount(total, lang)} located appeals as ${formatCount(heat.data.rows.length, lang)} weighted points`,
      });
    }
    if (layerKind === 'regions' && regions.data) {
      const total = regions.data.rows.reduce((s, r) => s + r.tickets, 0);
      return t({
        zh: `${regions.data.level === 4 ? '街道' : '区县'}：共 ${formatCount(total, lang)} 件诉求（含无坐标、按地址或代码定位的诉求）`,
        en: `${regions.data.level === 4 ? 'Streets' : 'Districts'}: ${formatCount(total, lang)} appeals (including those placed by address or code)`,
      });
    }
    if (layerKind === 'points' && points.data && pointsZoom)
      return t({
        zh: `视野内 ${formatCount(points.data.total, lang)} 件有坐标的诉求${points.data.total > points.data.rows.length ? `，显示最新 ${formatCount(points.data.rows.length, lang)} 件` : ''}`,
        en: `${formatCount(points.data.total, lang)} located appeals in view${points.data.total > points.data.rows.length ? `; the newest ${formatCount(points.data.rows.length, lang)} are shown` : ''}`,
      });
    if (layerKind === 'hotspots' && hotspots.data?.available)
      return t({
        zh: `热点单元 ${formatCount(hotspots.data.cells.length, lang)} 个（${categoryName ?? '全部诉求'}）`,
        en: `${formatCount(hotspots.data.cells.length, lang)} classed cells (${categoryName ?? 'all appeals'})`,
      });
    return '';
  })();

  const overlay =
    layerKind === 'points' && !pointsZoom ? (
      <div className="map-overlay-note" data-testid="map-note">
        {t({
          zh: `单件诉求在放大到 ${POINTS_MIN_ZOOM} 级及以上时显示（当前 ${screen?.zoom ?? '—'} 级）。`,
          en: `Individual tickets are shown from zoom ${POINTS_MIN_ZOOM} on (now ${screen?.zoom ?? '—'}).`,
        })}{' '}
        {screen ? (
          <button type="button" onClick={() => setFocus({ ...centre(screen.bbox), zoom: POINTS_MIN_ZOOM })}>
            {t({ zh: '放大', en: 'Zoom in' })}
          </button>
        ) : null}
      </div>
    ) : layerKind === 'hotspots' && hotspots.data && !hotspots.data.available ? (
      <div className="map-overlay-note" data-testid="map-note">
        {t({
          zh: '热点分析尚未计算，见右侧说明。',
          en: 'Hotspots have not been computed: see the note beside the map.',
        })}
      </div>
    ) : null;

  const legend =
    layerKind === 'heat' && heat.data && heat.data.rows.length > 0 ? (
      <HeatLegend />
    ) : layerKind === 'hotspots' && hotspots.data?.available ? (
      <HotspotLegend classes={[...new Set(hotspots.data.cells.map((c) => c.hotspotClass))]} />
    ) : drawn.legend && drawn.legend.length > 0 ? (
      <ScaleLegend
        title={
          layerKind === 'regions' && view.measure === 'per10k'
            ? t({ zh: '每万人诉求', en: 'Appeals per 10,000' })
            : t({ zh: '诉求量（件）', en: 'Appeals' })
        }
        entries={drawn.legend}
        decimals={layerKind === 'regions' && view.measure === 'per10k' ? 1 : 0}
        noData={
          layerKind === 'regions' && view.measure === 'per10k'
            ? t({ zh: '人口未知', en: 'Population unknown' })
            : undefined
        }
      />
    ) : null;

  return (
    <>
      <MapControls view={view} />
      <div className="map-layout">
        <div className="map-stage" data-testid="map-stage">
          <div className="map-status" role="status" aria-live="polite" data-testid="map-status">
            <strong>{t({ zh: '当前图层', en: 'Layer' })}</strong>
            <span>{status}</span>
          </div>
          {active.isError ? <ErrorNotice error={active.error} height={60} /> : null}
          {boundaries.isError ? <ErrorNotice error={boundaries.error} height={60} /> : null}
          <LeafletMap
            boundaries={boundaries.data}
            layer={drawn.layer}
            tiles={tiles}
            selected={place?.kind === 'cell' ? place.cell : (place?.code ?? null)}
            focus={focus}
            onViewport={onViewport}
            onSelect={open}
            label={t({ zh: '诉求地图', en: 'Map of appeals' })}
          />
          {overlay}
          {legend}
        </div>
        <aside className="map-side" aria-label={t({ zh: '地图详情', en: 'Map details' })}>
          {place ? <PlacePanel place={place} filters={globalFilters} onClose={() => setPlace(null)} /> : null}
          {layerKind === 'hotspots' ? (
            hotspots.isPending ? (
              <Loading height={200} />
            ) : hotspots.isError ? (
              <ErrorNotice error={hotspots.error} />
            ) : (
              <HotspotList
                hotspots={hotspots.data}
                categoryName={categoryName}
                onOpen={(h) => {
                  setFocus({ lat: h.lat, lon: h.lon, zoom: 13 });
                  open({ kind: 'cell', cell: h.cell, label: h.cell });
                }}
              />
            )
          ) : layerKind === 'regions' && regions.data ? (
            <RegionRanking rows={regions.data.rows} measure={view.measure} onOpen={open} />
          ) : layerKind === 'hexagons' && hexagons.data && !place ? (
            <HexagonRanking
              rows={hexagons.data.rows}
              resolution={hexagons.data.resolution || hexResolutionForZoom(viewport.zoom)}
              onOpen={open}
            />
          ) : !place ? (
            <Panel title={t({ zh: '查看详情', en: 'Details' })}>
              <p className="map-note">
                {t({
                  zh: '点击六边形、行政区或热点，查看其逐月趋势、类别构成、承办部门和诉求清单。',
                  en: 'Click a hexagon, a district or a hotspot for its trend, categories, departments and tickets.',
                })}
              </p>
            </Panel>
          ) : null}
        </aside>
      </div>
    </>
  );
}

function centre(bbox: Bbox): { lat: number; lon: number } {
  return { lat: (bbox.south + bbox.north) / 2, lon: (bbox.west + bbox.east) / 2 };
}
