import { describe, expect, it } from 'vitest';
import { fittingCount } from '@/app/ui/frame/fitting-count';

describe('how many views fit on the title bar', () => {
  const widths = [50, 50, 50, 50];

  it('shows every view, with no More button, when all fit', () => {
    expect(fittingCount(widths, 60, 2, 206)).toBe(4);
  });

  it('keeps room for the More button when some do not fit', () => {
    // All five need 208 px; with More (60), then 2 + 40 per view, three need 186 px.
    const five = [40, 40, 40, 40, 40];
    expect(fittingCount(five, 60, 2, 200)).toBe(3);
    expect(fittingCount(five, 60, 2, 185)).toBe(2);
  });

  it('puts every view behind More when none fits beside it', () => {
    expect(fittingCount(widths, 60, 2, 80)).toBe(0);
  });

  it('does not lose the last view to a fraction of a pixel', () => {
    expect(fittingCount([50.2, 50.2], 60, 0, 100.3)).toBe(2);
  });
});
