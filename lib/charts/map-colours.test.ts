import { describe, expect, it } from 'vitest';
import { colourFor, legendEntries, MAP_NO_DATA, MAP_RAMP, quantileBreaks } from './map-colours';

describe('map colour scale', () => {
  it('breaks at quantiles, ascending and distinct, the last being the maximum', () => {
    expect(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toEqual([2, 4, 6, 8, 10, 12]);
    expect(quantileBreaks([5, 5, 5, 5, 100])).toEqual([5, 100]);
    expect(quantileBreaks([0, Number.NaN])).toEqual([]);
  });

  it('colours the lowest class lightest and the top class darkest, nothing for no data', () => {
    const breaks = quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(colourFor(1, breaks)).toBe(MAP_RAMP[0]);
    expect(colourFor(12, breaks)).toBe(MAP_RAMP[5]);
    expect(colourFor(99, breaks)).toBe(MAP_RAMP[5]);
    expect(colourFor(null, breaks)).toBe(MAP_NO_DATA);
    expect(colourFor(0, breaks)).toBe(MAP_NO_DATA);
    // Two classes use both ends of the ramp.
    expect([colourFor(5, [5, 100]), colourFor(50, [5, 100])]).toEqual([MAP_RAMP[0], MAP_RAMP[5]]);
    expect(legendEntries([5, 100])).toEqual([
      { from: 0, to: 5, colour: MAP_RAMP[0] },
      { from: 5, to: 100, colour: MAP_RAMP[5] },
    ]);
  });
});
