import { describe, expect, it } from 'vitest';
import { dayKind, HOLIDAY_PERIODS, holidayOn, springFestivalDate } from './china-holidays';

describe('china holidays', () => {
  it('knows the Spring Festival dates', () => {
    expect(springFestivalDate(2023)).toBe('2023-01-22');
    expect(springFestivalDate(2024)).toBe('2024-02-10');
    expect(springFestivalDate(2025)).toBe('2025-01-29');
    expect(springFestivalDate(2026)).toBe('2026-02-17');
    expect(springFestivalDate(2035)).toBe('2035-02-08');
    expect(() => springFestivalDate(2040)).toThrow(RangeError);
  });

  it('classifies days of published years as the State Council notices did', () => {
    expect(dayKind('2024-02-10')).toBe('holiday');
    expect(dayKind('2024-02-17')).toBe('holiday');
    expect(dayKind('2024-02-04')).toBe('adjusted_workday');
    expect(dayKind('2024-02-18')).toBe('adjusted_workday');
    expect(dayKind('2025-10-08')).toBe('holiday');
    expect(dayKind('2025-09-28')).toBe('adjusted_workday');
    expect(dayKind('2023-10-07')).toBe('adjusted_workday');
    expect(dayKind('2024-03-05')).toBe('workday');
    expect(dayKind('2024-03-09')).toBe('weekend');
    expect(holidayOn('2025-05-03')?.zh).toBe('劳动节');
  });

  it('puts every Spring Festival inside a Spring Festival holiday period', () => {
    for (let year = 2015; year <= 2035; year++) {
      expect(holidayOn(springFestivalDate(year))?.zh, String(year)).toBe('春节');
    }
  });

  it('marks years after 2026 as derived and has six or seven periods a year', () => {
    expect(HOLIDAY_PERIODS.filter((p) => p.start.startsWith('2030')).every((p) => !p.official)).toBe(true);
    expect(HOLIDAY_PERIODS.filter((p) => p.start.startsWith('2024')).every((p) => p.official)).toBe(true);
    for (let year = 2016; year <= 2035; year++) {
      const n = HOLIDAY_PERIODS.filter((p) => p.end.startsWith(String(year))).length;
      expect(n, String(year)).toBeGreaterThanOrEqual(6);
    }
  });
});
