import { describe, expect, it } from 'vitest';
import { filtersForStep, timeSteps } from './time-steps';

describe('map time steps', () => {
  it('cuts the first and last week to the range, weeks starting on Monday', () => {
    const steps = timeSteps('2025-03-05', '2025-03-20', 'week');
    expect(steps).toEqual([
      { key: '2025-03-03', from: '2025-03-05', to: '2025-03-09' },
      { key: '2025-03-10', from: '2025-03-10', to: '2025-03-16' },
      { key: '2025-03-17', from: '2025-03-17', to: '2025-03-20' },
    ]);
  });

  it('gives calendar months, February included, and narrows the filters to a step', () => {
    const steps = timeSteps('2024-01-15', '2024-03-31', 'month');
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      ['2024-01-15', '2024-01-31'],
      ['2024-02-01', '2024-02-29'],
      ['2024-03-01', '2024-03-31'],
    ]);
    const filters = { from: '2024-01-15', to: '2024-03-31', category: '0104' };
    expect(filtersForStep(filters, steps[1] ?? null)).toEqual({
      ...filters,
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(filtersForStep(filters, null)).toBe(filters);
  });

  it('refuses more steps than a slider can hold', () => {
    expect(timeSteps('2000-01-01', '2019-12-31', 'week')).toEqual([]);
    expect(timeSteps('2000-01-01', '2019-12-31', 'month')).toHaveLength(240);
  });
});
