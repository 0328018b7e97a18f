import { describe, expect, it } from 'vitest';
import { getisOrdGiStar } from './gi-star';
import { neighbourhoodsFromLists } from './neighbourhoods';

// Five cells on a line, each with its neighbours on either side and itself.
const line = neighbourhoodsFromLists([
  [0, 1],
  [0, 1, 2],
  [1, 2, 3],
  [2, 3, 4],
  [3, 4],
]);

describe('getisOrdGiStar', () => {
  it('matches a worked example', () => {
    // x = [1, 2, 3, 4, 10]: n = 5, X̄ = 4, S² = 130/5 − 16 = 10.
    // Cell 4: N = {3, 4}, W = 2, Σx = 14: (14 − 8) / (√10 · √((10 − 4)/4)) = 6/√15 = 1.5492, p = 0.1213.
    // Cell 0: N = {0, 1}: (3 − 8)/√15 = −1.2910. Cell 2: N = {1, 2, 3}, W = 3: (9 − 12) / (√10 · √((15 − 9)/4)) = −0.7746.
    const { z, p } = getisOrdGiStar([1, 2, 3, 4, 10], line);
    expect(z[4]).toBeCloseTo(1.5491933384829668, 10);
    expect(p[4]).toBeCloseTo(0.12133525035848211, 6);
    expect(z[0]).toBeCloseTo(-1.2909944487358056, 10);
    expect(p[0]).toBeCloseTo(0.19670560245894686, 6);
    expect(z[2]).toBeCloseTo(-0.7745966692414834, 10);
    expect(p[2]).toBeCloseTo(0.4385780260809998, 6);
  });

  it('finds nothing in a flat field', () => {
    const { z, p } = getisOrdGiStar([3, 3, 3, 3, 3], line);
    expect([...z]).toEqual([0, 0, 0, 0, 0]);
    expect([...p]).toEqual([1, 1, 1, 1, 1]);
  });

  it('is unchanged by a shift and a positive scale of the values', () => {
    const a = getisOrdGiStar([1, 2, 3, 4, 10], line).z;
    const b = getisOrdGiStar([12, 14, 16, 18, 30], line).z;
    for (let i = 0; i < 5; i++) expect(b[i]).toBeCloseTo(a[i]!, 10);
  });
});
