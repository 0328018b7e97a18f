import { describe, expect, it } from 'vitest';
import { type CoordinateSystem, toWgs84 } from '../../lib/geo/coordinates';
import { toWgs84Into } from './datum';

describe('toWgs84Into', () => {
  // Points a few kilometres inside the bbox edge are left out: there gcoord's iteration can step outside the
  // bbox and never converge, in gcoord and in the copy alike.
  it('gives exactly what toWgs84 (gcoord) gives, across China and outside it', () => {
    const points: [number, number][] = [
      [104.6432, 28.7518],
      [71.9, 56.9],
      [-73.98, 40.75],
      [0, 0],
    ];
    for (let i = 0; i < 5000; i++) {
      points.push([73 + ((i * 7919) % 6400) / 100, 2 + ((i * 104729) % 5200) / 100]);
      points.push([-180 + ((i * 7919) % 36000) / 100, 56 + ((i * 104729) % 3000) / 100]);
    }
    const out = new Float64Array(2);
    for (const system of ['WGS84', 'GCJ02', 'BD09'] as CoordinateSystem[]) {
      for (const [lon, lat] of points) {
        toWgs84Into(lon, lat, system, out, 0);
        expect([out[0], out[1]]).toEqual(toWgs84(lon, lat, system));
      }
    }
  });
});
