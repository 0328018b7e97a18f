import { describe, expect, it } from 'vitest';
import { defaultRange } from '../queries/data-span';
import { addMonths, isWholeMonths, previousPeriod, sameRangeLastYear } from './periods';

describe('comparison periods', () => {
  it('compares whole months with the months before (环比)', () => {
    expect(previousPeriod({ from: '2025-07-01', to: '2025-07-31' })).toEqual({
      from: '2025-06-01',
      to: '2025-06-30',
    });
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-31' })).toEqual({
      from: '2025-02-01',
      to: '2025-02-28',
    });
    expect(previousPeriod({ from: '2025-07-01', to: '2025-09-30' })).toEqual({
      from: '2025-04-01',
      to: '2025-06-30',
    });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
  });

  it('compares other ranges with as many days immediately before', () => {
    expect(previousPeriod({ from: '2025-03-10', to: '2025-03-16' })).toEqual({
      from: '2025-03-03',
      to: '2025-03-09',
    });
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-15' })).toEqual({
      from: '2025-02-14',
      to: '2025-02-28',
    });
  });

  it('moves a range back a year (同比), clamping leap days and keeping whole months whole', () => {
    expect(sameRangeLastYear({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
    });
    expect(sameRangeLastYear({ from: '2025-02-01', to: '2025-02-28' })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(sameRangeLastYear({ from: '2024-02-29', to: '2024-03-05' })).toEqual({
      from: '2023-02-28',
      to: '2023-03-05',
    });
  });

  it('knows whole months and month arithmetic at month ends', () => {
    expect(isWholeMonths({ from: '2025-02-01', to: '2025-02-28' })).toBe(true);
    expect(isWholeMonths({ from: '2025-02-01', to: '2025-02-27' })).toBe(false);
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2024-12-31', 2)).toBe('2025-02-28');
  });
});

describe('the range a view opens on', () => {
  it('is the latest complete month of data', () => {
    expect(defaultRange({ firstDay: '2024-01-01', lastDay: '2025-12-31' })).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(defaultRange({ firstDay: '2024-01-01', lastDay: '2025-12-30' })).toEqual({
      from: '2025-11-01',
      to: '2025-11-30',
    });
  });

  it('is the data themselves when they cover less than a month', () => {
    expect(defaultRange({ firstDay: '2025-12-10', lastDay: '2025-12-20' })).toEqual({
      from: '2025-12-10',
      to: '2025-12-31',
    });
  });
});
