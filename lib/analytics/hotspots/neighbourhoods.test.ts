import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3ToBigInt } from '../../geo/h3-cells';
import { kRingNeighbourhoods, neighbourhoodSums, neighbourhoodsFromLists } from './neighbourhoods';

describe('neighbourhoods', () => {
  it('k = 1 gives a cell and its 6 neighbours, restricted to the study area', () => {
    const centre = latLngToCell(28.75, 104.6, 8);
    const ring = gridDisk(centre, 1);
    const far = latLngToCell(28.2, 104.0, 8);
    const cells = [...ring.slice(0, 5), far].map(h3ToBigInt);
    const hoods = kRingNeighbourhoods(cells, 1);
    const of = (i: number) => [...hoods.members.slice(hoods.start[i]!, hoods.start[i + 1]!)];
    // The centre (ring[0]) sees the four other ring cells present and itself; the far cell only itself.
    expect(of(0)).toEqual([0, 1, 2, 3, 4]);
    expect(of(5)).toEqual([5]);
    const all = kRingNeighbourhoods(ring.map(h3ToBigInt), 1);
    expect(all.start[1]! - all.start[0]!).toBe(7);
  });

  it('sums values over each neighbourhood', () => {
    const hoods = neighbourhoodsFromLists([
      [0, 1],
      [0, 1, 2],
      [1, 2],
    ]);
    expect([...neighbourhoodSums([1, 10, 100], hoods)]).toEqual([11, 111, 110]);
  });
});
