import gcoord from 'gcoord';

/** The datums coordinates arrive in: GPS (WGS-84), the Chinese "Mars" offset (GCJ-02) and Baidu's (BD-09). */
export type CoordinateSystem = 'WGS84' | 'GCJ02' | 'BD09';

const GCOORD_CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/**
 * Converts a longitude/latitude pair from `system` to WGS-84 using gcoord. Points outside China's rough bbox are
 * returned unchanged (the offsets are only defined inside China).
 */
export function toWgs84(lon: number, lat: number, system: CoordinateSystem): [lon: number, lat: number] {
  if (system === 'WGS84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], GCOORD_CRS[system], gcoord.WGS84);
  return [x as number, y as number];
}

const SYSTEM_BY_KEY: Record<string, CoordinateSystem> = {
  wgs84: 'WGS84',
  wgs: 'WGS84',
  wgs1984: 'WGS84',
  epsg4326: 'WGS84',
  gps: 'WGS84',
  cgcs2000: 'WGS84',
  天地图: 'WGS84',
  gcj02: 'GCJ02',
  gcj: 'GCJ02',
  火星: 'GCJ02',
  火星坐标: 'GCJ02',
  火星坐标系: 'GCJ02',
  国测局: 'GCJ02',
  国测局坐标: 'GCJ02',
  高德: 'GCJ02',
  高德地图: 'GCJ02',
  amap: 'GCJ02',
  gaode: 'GCJ02',
  腾讯: 'GCJ02',
  腾讯地图: 'GCJ02',
  qq: 'GCJ02',
  tencent: 'GCJ02',
  谷歌中国: 'GCJ02',
  bd09: 'BD09',
  bd09ll: 'BD09',
  bd: 'BD09',
  百度: 'BD09',
  百度地图: 'BD09',
  百度坐标: 'BD09',
  baidu: 'BD09',
  bmap: 'BD09',
};

/**
 * Reads a coordinate-system label as exports write it (`WGS84`, `wgs-84`, `GPS`, `GCJ-02`, `火星`, `高德`, `腾讯`,
 * `BD09`, `bd-09`, `百度`, `baidu` ...; case, spaces, hyphens, underscores and a trailing 坐标系 are ignored).
 * CGCS2000 (天地图) counts as WGS-84: the two differ by centimetres.
 * Returns null for text it does not recognise, so the caller decides the default.
 */
export function parseCoordinateSystem(text: string | null | undefined): CoordinateSystem | null {
  if (text == null) return null;
  const key = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_.:()（）]/g, '')
    .replace(/坐标系$/, '');
  return SYSTEM_BY_KEY[key] ?? null;
}
