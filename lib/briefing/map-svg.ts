import { cellToBoundary } from 'h3-js';
import { colourFor, MAP_RAMP, quantileBreaks } from '../charts/map-colours';
import type { Lang } from '../i18n/codes';
import type { MonthHotspotRow } from '../queries/briefing-hotspots';
import type { BoundaryFeature } from '../queries/map-boundaries';
import { CHART_FONT, ticketCountText } from './format';
import type { SmallCounts } from './small-counts';

type Ring = [number, number][];

/** Outer rings and holes of a Polygon or MultiPolygon, as [lon, lat] pairs; other geometries have none. */
function polygonsOf(geometry: unknown): Ring[][] {
  const g = geometry as { type?: string; coordinates?: unknown };
  if (g?.type === 'Polygon') return [g.coordinates as Ring[]];
  if (g?.type === 'MultiPolygon') return g.coordinates as Ring[][];
  return [];
}

/** Signed area and centroid of a ring (shoelace), for placing a district's label inside its largest part. */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  area /= 2;
  return area === 0
    ? { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 }
    : { area, x: x / (6 * area), y: y / (6 * area) };
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch] as string);

/** District fills: a pale blue ramp, so the red hot cells stand out on top. */
const DISTRICT_RAMP = ['#f1f5f9', '#dbeafe', '#bfdbfe', '#93c5fd'];

/**
 * The briefing's map as self-contained SVG, drawn on the server with no tiles: district boundaries shaded by the
 * month's appeals, the month's hot cells as H3 hexagons coloured by their Gi* z-score, district names and a legend.
 * An equirectangular projection scaled by cos(latitude) is exact enough at a city's size. The count under a
 * district's name is a ticket count, written for the reader (`counts`).
 */
export function hotspotMapSvg(options: {
  districts: BoundaryFeature[];
  appeals: Map<string, number>;
  cells: MonthHotspotRow[];
  lang: Lang;
  counts: SmallCounts;
  width?: number;
}): { svg: string; width: number; height: number } {
  const { districts, appeals, cells, lang, counts } = options;
  const width = options.width ?? 680;
  const polygons = districts.map((f) => ({ feature: f, polygons: polygonsOf(f.geometry) }));
  const points = polygons.flatMap((p) => p.polygons.flatMap((rings) => rings[0] ?? []));
  if (points.length === 0) return { svg: '', width, height: 0 };
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const pad = 12;
  const legendHeight = 44;
  const scale = (width - 2 * pad) / ((maxLon - minLon) * kx);
  const mapHeight = (maxLat - minLat) * scale;
  const height = Math.round(mapHeight + 2 * pad + legendHeight);
  const x = (lon: number) => pad + (lon - minLon) * kx * scale;
  const y = (lat: number) => pad + (maxLat - lat) * scale;
  const path = (ring: Ring) =>
    `M${ring.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}Z`;

  const districtBreaks = quantileBreaks([...appeals.values()], DISTRICT_RAMP.length);
  const districtFill = (code: string) => {
    const value = appeals.get(code) ?? 0;
    const i = districtBreaks.findIndex((b) => value <= b);
    return value > 0 ? (DISTRICT_RAMP[i === -1 ? DISTRICT_RAMP.length - 1 : i] as string) : '#f8fafc';
  };
  const shapes = polygons.map(
    ({ feature, polygons: parts }) =>
      `<path d="${parts.flatMap((rings) => rings.map(path)).join('')}" fill="${districtFill(feature.properties.code)}" fill-rule="evenodd" stroke="#64748b" stroke-width="0.8"/>`,
  );
  const zBreaks = quantileBreaks(
    cells.map((c) => c.giZ ?? 0),
    MAP_RAMP.length,
  );
  const hexagons = [...cells]
    .sort((a, b) => (a.giZ ?? 0) - (b.giZ ?? 0))
    .map((c) => {
      const ring = cellToBoundary(c.cell).map(([lat, lon]) => [lon, lat] as [number, number]);
      const fill = colourFor(c.giZ ?? 0, zBreaks);
      return `<path d="${path([...ring, ring[0] as [number, number]])}" fill="${fill}" fill-opacity="0.9" stroke="#7f1d1d" stroke-width="0.4"/>`;
    });
  const labels = polygons.map(({ feature, polygons: parts }) => {
    const largest = parts
      .map((rings) => ringCentroid(rings[0] ?? []))
      .sort((a, b) => Math.abs(b.area) - Math.abs(a.area))[0];
    if (!largest) return '';
    const count = appeals.get(feature.properties.code);
    return `<text x="${x(largest.x).toFixed(1)}" y="${y(largest.y).toFixed(1)}" text-anchor="middle" font-size="11" fill="#1e293b" stroke="#ffffff" stroke-width="2.5" paint-order="stroke">${escapeXml(feature.properties.name)}${count ? `<tspan x="${x(largest.x).toFixed(1)}" dy="13" font-size="10" fill="#475569">${escapeXml(ticketCountText(count, lang, counts))}</tspan>` : ''}</text>`;
  });
  const en = lang === 'en';
  // Two legend lines, so the legend fits however narrow the map is drawn.
  const ly = mapHeight + 2 * pad + 6;
  const legend = [
    `<rect x="${pad}" y="${ly}" width="14" height="10" fill="${DISTRICT_RAMP[2]}" stroke="#64748b" stroke-width="0.6"/>`,
    `<text x="${pad + 20}" y="${ly + 9}" font-size="11" fill="#334155">${en ? 'District, shaded by appeals (number below the name)' : '区县（颜色越深诉求越多，名称下为件数）'}</text>`,
    ...MAP_RAMP.map(
      (colour, i) => `<rect x="${pad + i * 12}" y="${ly + 18}" width="12" height="10" fill="${colour}"/>`,
    ),
    `<text x="${pad + MAP_RAMP.length * 12 + 6}" y="${ly + 27}" font-size="11" fill="#334155">${en ? 'Hot cell this month (darker: stronger)' : '本月热点网格（颜色越深越显著）'}</text>`,
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${CHART_FONT}'><rect width="100%" height="100%" fill="#ffffff"/>${shapes.join('')}${hexagons.join('')}${labels.join('')}${legend.join('')}</svg>`;
  return { svg, width, height };
}
