/**
 * The map's optional tile layer. By default the map draws boundaries, hexagons and points on a plain background,
 * so it works with no network; a deployment with a tile server (an intranet server, 天地图, OSM) names it here.
 * Tiles must be in WGS-84 or CGCS2000 (docs/map.md): GCJ-02 tiles (高德, 腾讯) would show every point ~500 m off.
 */
export interface MapTileSetting {
  /** A Leaflet URL template, e.g. `https://tiles.example.gov.cn/{z}/{x}/{y}.png`. */
  url: string;
  /** Credit shown in the map's corner, as the tile provider's terms require (plain text, not HTML). */
  attribution: string;
}

/** Reads HOTLINE_TILE_URL and HOTLINE_TILE_ATTRIBUTION; null without a URL or with one that is not http(s). */
export function mapTileSetting(
  env: Readonly<Record<string, string | undefined>> = process.env,
): MapTileSetting | null {
  const url = env.HOTLINE_TILE_URL?.trim();
  if (!url || !/^https?:\/\/[^\s"'<>]+$/.test(url) || !url.includes('{z}')) return null;
  return { url, attribution: (env.HOTLINE_TILE_ATTRIBUTION ?? '').trim().slice(0, 200) };
}
