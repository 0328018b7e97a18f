import { colourFor, legendEntries, quantileBreaks } from '@/lib/charts/map-colours';
import type { MapHeatRow } from '@/lib/queries/map-heat';
import type { MapHexagonRow } from '@/lib/queries/map-hexagons';
import type { HotspotCell } from '@/lib/queries/map-hotspots';
import type { MapPointRow } from '@/lib/queries/map-points';
import type { MapRegionRow } from '@/lib/queries/map-regions';
import { formatCount, formatDecimal } from '../format';
import type { Lang } from '../i18n/lang';
import { hotspotClassStyle } from './hotspot-classes';
import type { MapLayer } from './leaflet-map';
import type { RegionMeasure } from './use-map-view';

/** A layer to draw and the legend of its colours. */
export interface LayerAndLegend {
  layer: MapLayer;
  legend: { from: number; to: number; colour: string }[];
}

const appeals = (n: number, lang: Lang) =>
  lang === 'en' ? `${formatCount(n, lang)} appeals` : `${formatCount(n, lang)} 件`;

export function hexagonLayer(rows: MapHexagonRow[], lang: Lang): LayerAndLegend {
  const breaks = quantileBreaks(rows.map((r) => r.tickets));
  return {
    layer: {
      kind: 'cells',
      testId: 'hexagon',
      cells: rows.map((r) => ({
        cell: r.cell,
        colour: colourFor(r.tickets, breaks),
        label: appeals(r.tickets, lang),
      })),
    },
    legend: legendEntries(breaks),
  };
}

export function heatLayer(rows: MapHeatRow[]): MapLayer {
  return { kind: 'heat', points: rows.map((r) => ({ lat: r.lat, lon: r.lon, weight: r.tickets })) };
}

export function regionLayer(rows: MapRegionRow[], measure: RegionMeasure, lang: Lang): LayerAndLegend {
  const value = (r: MapRegionRow) => (measure === 'per10k' ? r.per10k : r.tickets);
  const breaks = quantileBreaks(rows.map((r) => value(r) ?? 0));
  const colours: Record<string, { colour: string; label: string }> = {};
  for (const r of rows) {
    const rate =
      r.per10k === null
        ? ''
        : `\n${lang === 'en' ? 'per 10,000 residents' : '每万人'} ${formatDecimal(r.per10k, lang, 1)}`;
    colours[r.code] = {
      colour: colourFor(value(r), breaks),
      label: `${r.name}\n${appeals(r.tickets, lang)}${rate}`,
    };
  }
  return { layer: { kind: 'regions', colours }, legend: legendEntries(breaks) };
}

export function pointLayer(rows: MapPointRow[], lang: Lang): MapLayer {
  return {
    kind: 'points',
    points: rows.map((r) => ({
      id: r.ticketId,
      lat: r.lat,
      lon: r.lon,
      label: `${r.receivedAt} · ${(lang === 'en' ? r.categoryEn : r.categoryZh) ?? ''}\n${r.title ?? ''}`,
    })),
  };
}

export function hotspotLayer(cells: HotspotCell[], lang: Lang): MapLayer {
  return {
    kind: 'cells',
    testId: 'hotspot',
    cells: cells.map((c) => {
      const style = hotspotClassStyle(c.hotspotClass);
      return {
        cell: c.cell,
        colour: style.colour,
        label: `${style.text[lang]}\nGi* z = ${formatDecimal(c.giZ, lang, 2)} · ${appeals(c.tickets, lang)}`,
      };
    }),
  };
}
