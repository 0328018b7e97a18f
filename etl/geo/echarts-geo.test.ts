import { describe, expect, it } from 'vitest';
import { decodeEchartsGeoJson, decodeRing, type EncodedGeoJson } from './echarts-geo';

/** The inverse of decodeRing for small deltas, to build fixtures by hand. */
function encode(points: [number, number][], offset: [number, number], scale: number): string {
  let [px, py] = offset;
  let out = '';
  for (const [x, y] of points) {
    const qx = Math.round(x * scale);
    const qy = Math.round(y * scale);
    const zig = (d: number) => String.fromCharCode(((d << 1) ^ (d >> 31)) + 64);
    out += zig(qx - px) + zig(qy - py);
    px = qx;
    py = qy;
  }
  return out;
}

describe('decodeRing', () => {
  it('undoes zigzag delta encoding from the offset', () => {
    expect(decodeRing('@@BA', [1024, 2048], 1024)).toEqual([
      [1, 2],
      [1 + 1 / 1024, 2 - 1 / 1024],
    ]);
  });

  it('round-trips a ring with positive and negative steps', () => {
    const ring: [number, number][] = [
      [104.5, 28.5],
      [104.51, 28.49],
      [104.49, 28.52],
      [104.5, 28.5],
    ];
    const offset: [number, number] = [Math.round(104.5 * 1024), Math.round(28.5 * 1024)];
    const decoded = decodeRing(encode(ring, offset, 1024), offset, 1024);
    decoded.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(ring[i]![0], 3);
      expect(y).toBeCloseTo(ring[i]![1], 3);
    });
  });
});

describe('decodeEchartsGeoJson', () => {
  it('decodes Polygon and MultiPolygon features with their per-ring offsets', () => {
    const json: EncodedGeoJson = {
      type: 'FeatureCollection',
      UTF8Encoding: true,
      features: [
        {
          type: 'Feature',
          id: '1',
          properties: { name: 'A', cp: [1, 2] },
          geometry: { type: 'Polygon', coordinates: ['@@'], encodeOffsets: [[1024, 1024]] },
        },
        {
          type: 'Feature',
          properties: { name: 'B' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [['@@'], ['@@']],
            encodeOffsets: [[[0, 0]], [[2048, 0]]],
          },
        },
      ],
    };
    const [a, b] = decodeEchartsGeoJson(json);
    expect(a).toEqual({
      id: '1',
      name: 'A',
      labelPoint: [1, 2],
      geometry: { type: 'Polygon', coordinates: [[[1, 1]]] },
    });
    expect(b!.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[[0, 0]]], [[[2, 0]]]] });
  });
});
