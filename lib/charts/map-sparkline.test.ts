import { describe, expect, it } from 'vitest';
import { sparklinePath } from './map-sparkline';

describe('sparkline path', () => {
  it('spreads the values over the width and scales from zero to the maximum', () => {
    expect(sparklinePath([0, 5, 10], 104, 24, 2).path).toBe('M2,22L52,12L102,2');
  });
  it('draws one value flat and nothing for none', () => {
    expect(sparklinePath([3], 50, 10, 2).path).toBe('M2,2H48');
    expect(sparklinePath([], 50, 10).path).toBe('');
  });
});
