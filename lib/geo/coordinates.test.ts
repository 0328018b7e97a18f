import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { parseCoordinateSystem, toWgs84 } from './coordinates';
import { haversineMeters } from './distance';

/** A deterministic generator so the round-trip points are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function errorMeters(got: [number, number], want: [number, number]): number {
  return haversineMeters(got[0], got[1], want[0], want[1]);
}

describe('toWgs84', () => {
  it('inverts gcoord’s forward WGS-84 → GCJ-02 and → BD-09 within 5 m across 宜宾 and China', () => {
    const rng = mulberry32(511500);
    const points: [number, number][] = [
      [104.6432, 28.7518],
      [104.9, 28.5],
    ];
    for (let i = 0; i < 200; i++) points.push([100 + rng() * 20, 20 + rng() * 20]);
    for (const wgs of points) {
      const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
      const bd = gcoord.transform(wgs, gcoord.WGS84, gcoord.BD09) as [number, number];
      expect(errorMeters(gcj, wgs)).toBeGreaterThan(50);
      expect(errorMeters(toWgs84(gcj[0], gcj[1], 'GCJ02'), wgs)).toBeLessThan(5);
      expect(errorMeters(toWgs84(bd[0], bd[1], 'BD09'), wgs)).toBeLessThan(5);
    }
  });

  // Published pairs: wandergis/coordtransform test/app.js (wgs84togcj02, gcj02tobd09 of 116.404, 39.915).
  it('matches published reference points within 5 m', () => {
    expect(
      errorMeters(toWgs84(116.41024449916938, 39.91640428150164, 'GCJ02'), [116.404, 39.915]),
    ).toBeLessThan(5);
    expect(
      errorMeters(toWgs84(116.404, 39.915, 'GCJ02'), [116.39775550083061, 39.91359571849836]),
    ).toBeLessThan(5);
    expect(
      errorMeters(toWgs84(116.41036949371029, 39.92133699351021, 'BD09'), toWgs84(116.404, 39.915, 'GCJ02')),
    ).toBeLessThan(5);
  });

  it('leaves WGS-84 and points outside China unchanged', () => {
    expect(toWgs84(104.6, 28.7, 'WGS84')).toEqual([104.6, 28.7]);
    expect(toWgs84(-73.98, 40.75, 'GCJ02')).toEqual([-73.98, 40.75]);
  });
});

describe('parseCoordinateSystem', () => {
  it.each([
    ['WGS84', 'WGS84'],
    ['wgs-84', 'WGS84'],
    ['GPS', 'WGS84'],
    [' EPSG:4326 ', 'WGS84'],
    ['CGCS2000', 'WGS84'],
    ['GCJ02', 'GCJ02'],
    ['gcj-02', 'GCJ02'],
    ['ＧＣＪ－０２', 'GCJ02'],
    ['火星坐标系', 'GCJ02'],
    ['高德', 'GCJ02'],
    ['腾讯地图', 'GCJ02'],
    ['BD09', 'BD09'],
    ['bd-09', 'BD09'],
    ['BD09LL', 'BD09'],
    ['百度', 'BD09'],
    ['Baidu', 'BD09'],
    ['', null],
    ['Web Mercator', null],
  ])('%s → %s', (text, want) => {
    expect(parseCoordinateSystem(text)).toBe(want);
  });

  it('returns null for null', () => {
    expect(parseCoordinateSystem(null)).toBeNull();
  });
});
