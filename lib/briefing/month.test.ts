import { describe, expect, it } from 'vitest';
import { latestCompleteMonth, monthCoverage, monthRange, monthsWithData, shiftMonth } from './month';

describe('briefing months', () => {
  it('spans whole calendar months, leap years included', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(shiftMonth('2025-01', -1)).toBe('2024-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
  });

  it('opens on the latest month the data cover completely', () => {
    expect(latestCompleteMonth({ firstDay: '2024-01-01', lastDay: '2025-12-31' })).toBe('2025-12');
    expect(latestCompleteMonth({ firstDay: '2024-01-01', lastDay: '2025-12-30' })).toBe('2025-11');
    // Data that start mid-month and end inside the next one have no complete month.
    expect(latestCompleteMonth({ firstDay: '2025-03-15', lastDay: '2025-04-10' })).toBeNull();
    expect(latestCompleteMonth(null)).toBeNull();
  });

  it('tells complete, partial and empty months apart', () => {
    const span = { firstDay: '2024-01-10', lastDay: '2025-12-31' };
    expect(monthCoverage('2024-01', span)).toBe('partial');
    expect(monthCoverage('2024-02', span)).toBe('complete');
    expect(monthCoverage('2023-12', span)).toBe('none');
    expect(monthCoverage('2031-01', span)).toBe('none');
    expect(monthsWithData({ firstDay: '2025-11-20', lastDay: '2026-01-05' })).toEqual([
      '2026-01',
      '2025-12',
      '2025-11',
    ]);
  });
});
