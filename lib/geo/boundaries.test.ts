import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegionIndex, randomPointIn, readBoundaryCollection } from './boundaries';
import type { BoundaryCollection, BoundaryFeature, Position } from './geojson';
import { buildRegionIndex } from './region-index';

function square(x0: number, y0: number, size: number): Position[] {
  return [
    [x0, y0],
    [x0 + size, y0],
    [x0 + size, y0 + size],
    [x0, y0 + size],
    [x0, y0],
  ];
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A county with a hole (where a lake is) and a detached island part; a town inside it; a neighbour. */
const county: BoundaryFeature = {
  type: 'Feature',
  properties: { adcode: '511502', name: '甲区' },
  geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 10), square(4, 4, 2)], [square(20, 0, 2)]] },
};
const town: BoundaryFeature = {
  type: 'Feature',
  properties: { adcode: '511502101', name: '乙镇' },
  geometry: { type: 'Polygon', coordinates: [square(1, 1, 2)] },
};
const neighbour: BoundaryFeature = {
  type: 'Feature',
  properties: { adcode: 511503, name: '丙区' },
  geometry: { type: 'Polygon', coordinates: [square(10, 0, 5)] },
};
const collection: BoundaryCollection = { type: 'FeatureCollection', features: [county, town, neighbour] };

describe('buildRegionIndex', () => {
  const index = buildRegionIndex(collection, 16);

  it.each([
    [5, 1, '511502'],
    [5, 5, null],
    [2, 2, '511502101'],
    [21, 1, '511502'],
    [12, 3, '511503'],
    [16, 3, null],
    [-1, 3, null],
    [17, 1, null],
  ])('(%d, %d) → %s', (lon, lat, want) => {
    expect(index.regionAt(lon, lat)).toBe(want);
  });

  it('agrees with a plain scan for random points', () => {
    const rng = mulberry32(7);
    const fresh = buildRegionIndex(collection, 64);
    let checked = 0;
    for (let i = 0; i < 20_000; i++) {
      const lon = rng() * 24 - 1;
      const lat = rng() * 12 - 1;
      const inTown = lon > 1 && lon < 3 && lat > 1 && lat < 3;
      const inHole = lon > 4 && lon < 6 && lat > 4 && lat < 6;
      const inCounty =
        (lon > 0 && lon < 10 && lat > 0 && lat < 10 && !inHole) ||
        (lon > 20 && lon < 22 && lat > 0 && lat < 2);
      const inNeighbour = lon > 10 && lon < 15 && lat > 0 && lat < 5;
      const want = inTown ? '511502101' : inCounty ? '511502' : inNeighbour ? '511503' : null;
      expect(fresh.regionAt(lon, lat)).toBe(want);
      checked++;
    }
    expect(checked).toBe(20_000);
  });

  it('returns null for every point when there are no features', () => {
    expect(buildRegionIndex({ type: 'FeatureCollection', features: [] }).regionAt(1, 1)).toBeNull();
  });
});

describe('randomPointIn', () => {
  it('draws deterministic points inside the feature, never in its hole', () => {
    const a = Array.from(
      { length: 500 },
      (
        (rng) => () =>
          randomPointIn(county, rng)
      )(mulberry32(1)),
    );
    const b = Array.from(
      { length: 500 },
      (
        (rng) => () =>
          randomPointIn(county, rng)
      )(mulberry32(1)),
    );
    expect(a).toEqual(b);
    const index = buildRegionIndex({ type: 'FeatureCollection', features: [county] });
    for (const [lon, lat] of a) expect(index.regionAt(lon, lat)).toBe('511502');
  });
});

describe('readBoundaryCollection', () => {
  it('reads a file and refuses non-area geometry', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-geo-'));
    const good = path.join(dir, 'good.geojson');
    writeFileSync(good, JSON.stringify(collection));
    expect(loadRegionIndex(good).regionAt(2, 2)).toBe('511502101');
    const bad = path.join(dir, 'bad.geojson');
    writeFileSync(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }],
      }),
    );
    expect(() => readBoundaryCollection(bad)).toThrow(/unexpected geometry Point/);
  });
});
