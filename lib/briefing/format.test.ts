import { describe, expect, it } from 'vitest';
import { wrapWords } from './charts';
import { formatDay, formatMonth, kpiChangeText, percent, points, roundsToZero } from './format';

describe('briefing number words', () => {
  it('writes changes without a sign: the sentence says which way', () => {
    expect(percent('appeals.mom', -0.0312, 'zh').text).toBe('3.1%');
    expect(points('resolvedRate.mom', -0.0125, 'zh').text).toBe('1.3');
    expect(roundsToZero(0.0004)).toBe(true);
    expect(roundsToZero(-0.0005)).toBe(false);
  });

  it('signs the tables the way the overview cards do, with a real minus and never "+-"', () => {
    expect(kpiChangeText('appeals', 1082, 1000, 'zh')).toBe('+8.2%');
    expect(kpiChangeText('resolvedRate', 0.7, 0.72, 'zh')).toBe('−2.0 个百分点');
    expect(kpiChangeText('resolvedRate', 0.7, 0.70001, 'en')).toBe('0.0 pp');
    expect(kpiChangeText('appeals', 5, 0, 'en')).toBe('—');
  });

  it('names months and days in each language', () => {
    expect(formatMonth('2025-07', 'zh')).toBe('2025年7月');
    expect(formatMonth('2025-07-01', 'en')).toBe('July 2025');
    expect(formatDay('2026-01-05', 'zh')).toBe('2026年1月5日');
    expect(formatDay('2026-01-05', 'en')).toBe('5 January 2026');
  });

  it('wraps long chart labels at spaces', () => {
    expect(wrapWords('Neighbourhood and commercial noise', 22)).toBe('Neighbourhood and\ncommercial noise');
    expect(wrapWords('Power cuts', 22)).toBe('Power cuts');
  });
});
