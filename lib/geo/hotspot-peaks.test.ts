import { gridDisk } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { hotspotPeaks } from './hotspot-peaks';

const SITE = '8840e5c66bfffff';

describe('hotspot peaks', () => {
  it('names a busy site once, with the hot ring around it', () => {
    const ring = gridDisk(SITE, 1).filter((c) => c !== SITE);
    const hot = [
      ...ring.map((cell, i) => ({ cell, tickets: i % 2, giZ: 29 - i })),
      { cell: SITE, tickets: 172, giZ: 26.8 },
    ];
    expect(hotspotPeaks(hot, 1)).toEqual([{ cell: SITE, tickets: 172, giZ: 26.8, hotNeighbours: 6 }]);
  });

  it('keeps separate sites, strongest first, and breaks ties by index', () => {
    const far = '8840e5d4b7fffff';
    const a = gridDisk(far, 1).find((c) => c !== far) as string;
    const b = gridDisk(a, 1).find((c) => c !== a && c !== far) as string;
    const peaks = hotspotPeaks(
      [
        { cell: SITE, tickets: 5, giZ: 3 },
        { cell: a, tickets: 9, giZ: 8 },
        { cell: b, tickets: 9, giZ: 7 },
        { cell: far, tickets: 0, giZ: 9 },
      ],
      1,
    );
    expect(peaks.map((p) => p.cell)).toEqual([[a, b].sort()[0], SITE]);
  });
});
