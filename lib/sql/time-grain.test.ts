import { describe, expect, it } from 'vitest';
import { periodEnd, periodStarts } from './time-grain';

describe('period starts', () => {
  it('lists every step so gaps show as zero', () => {
    expect(periodStarts('day', '2025-02-27', '2025-03-02')).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
    // Weeks start on Monday (ISO 8601): 2025-07-01 is a Tuesday.
    expect(periodStarts('week', '2025-07-01', '2025-07-14')).toEqual([
      '2025-06-30',
      '2025-07-07',
      '2025-07-14',
    ]);
    expect(periodStarts('month', '2024-12-15', '2025-02-01')).toEqual([
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ]);
  });
});

describe('period ends', () => {
  it('is the last day the period covers', () => {
    expect(periodEnd('day', '2025-03-01')).toBe('2025-03-01');
    expect(periodEnd('week', '2025-06-30')).toBe('2025-07-06');
    expect(periodEnd('month', '2024-02-01')).toBe('2024-02-29');
    expect(periodEnd('month', '2025-12-01')).toBe('2025-12-31');
  });
});
