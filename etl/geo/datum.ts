import type { CoordinateSystem } from '../../lib/geo/coordinates';

/**
 * GCJ-02 and BD-09 → WGS-84 for the per-row geo UDF: the same arithmetic as gcoord 1.0.7 (which
 * lib/geo/coordinates.ts calls), operation for operation, so results are bit-identical (datum.test.ts checks).
 * Written out because gcoord.transform builds its assertion messages, stringifying the input, on every call:
 * that cost five times the conversion itself, about a second per million GCJ-02 rows.
 */
const { sin, cos, sqrt, abs, atan2, PI } = Math;
const A = 6378245;
const EE = 0.006693421622965823;
const BAIDU_FACTOR = (PI * 3000.0) / 180.0;

function isInChinaBbox(lon: number, lat: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  ret += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  return ret;
}

function transformLon(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  ret += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  return ret;
}

/** WGS-84 → GCJ-02 offset of a point inside China, written to out[0], out[1] (gcoord's `delta`). */
function delta(lon: number, lat: number, out: Float64Array): void {
  let dLon = transformLon(lon - 105, lat - 35);
  let dLat = transformLat(lon - 105, lat - 35);
  const radLat = (lat / 180) * PI;
  let magic = sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = sqrt(magic);
  dLon = (dLon * 180) / ((A / sqrtMagic) * cos(radLat) * PI);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  out[0] = dLon;
  out[1] = dLat;
}

const offset = new Float64Array(2);

/** gcoord's iterative GCJ-02 → WGS-84 inverse; writes out[at], out[at + 1]. */
function gcj02ToWgs84(lon: number, lat: number, out: Float64Array, at: number): void {
  if (!isInChinaBbox(lon, lat)) {
    out[at] = lon;
    out[at + 1] = lat;
    return;
  }
  let wgsLon = lon;
  let wgsLat = lat;
  // WGS84ToGCJ02 returns its input unchanged outside the bbox, so each step checks it too.
  const forward = (x: number, y: number) => {
    if (isInChinaBbox(x, y)) {
      delta(x, y, offset);
      offset[0] = x + offset[0]! - lon;
      offset[1] = y + offset[1]! - lat;
    } else {
      offset[0] = x - lon;
      offset[1] = y - lat;
    }
  };
  forward(wgsLon, wgsLat);
  while (abs(offset[0]!) > 1e-6 || abs(offset[1]!) > 1e-6) {
    wgsLon -= offset[0]!;
    wgsLat -= offset[1]!;
    forward(wgsLon, wgsLat);
  }
  out[at] = wgsLon;
  out[at + 1] = wgsLat;
}

/**
 * Writes the WGS-84 form of (lon, lat) in `system` to out[at], out[at + 1]: what toWgs84 returns, without
 * allocating.
 */
export function toWgs84Into(
  lon: number,
  lat: number,
  system: CoordinateSystem,
  out: Float64Array,
  at: number,
): void {
  if (system === 'WGS84') {
    out[at] = lon;
    out[at + 1] = lat;
  } else if (system === 'GCJ02') {
    gcj02ToWgs84(lon, lat, out, at);
  } else {
    // gcoord's BD09ToGCJ02, then the GCJ-02 inverse.
    const x = lon - 0.0065;
    const y = lat - 0.006;
    const z = sqrt(x * x + y * y) - 0.00002 * sin(y * BAIDU_FACTOR);
    const theta = atan2(y, x) - 0.000003 * cos(x * BAIDU_FACTOR);
    gcj02ToWgs84(z * cos(theta), z * sin(theta), out, at);
  }
}
