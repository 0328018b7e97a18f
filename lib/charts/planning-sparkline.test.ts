import { describe, expect, it } from 'vitest';
import { monthsOfRange, sparkline } from './planning-sparkline';

describe('planning sparkline', () => {
  it('fills months without appeals with 0 and scales the largest to the top', () => {
    const line = sparkline(
      [
        { month: '2024-11', tickets: 2 },
        { month: '2025-01', tickets: 4 },
      ],
      { from: '2024-11-01', to: '2025-01-31' },
      { width: 100, height: 20 },
    );
    expect(line.months).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(line.values).toEqual([2, 0, 4]);
    expect(line.points).toBe('0.0,10.0 50.0,20.0 100.0,0.0');
  });

  it('handles an empty timeline and a one-month range', () => {
    expect(sparkline([], { from: '2025-03-01', to: '2025-03-31' }, { width: 10, height: 5 }).points).toBe(
      '0.0,5.0',
    );
    expect(monthsOfRange('2025-12-01', '2025-11-30')).toEqual([]);
  });
});
