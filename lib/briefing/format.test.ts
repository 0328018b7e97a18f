import { describe, expect, it } from 'vitest';
import { wrapWords } from './charts';
import {
  formatDay,
  formatMonth,
  kpiChangeText,
  kpiValueText,
  percent,
  points,
  roundsToZero,
  ticketCount,
  ticketDifference,
} from './format';

describe('briefing number words', () => {
  it('writes changes without a sign: the sentence says which way', () => {
    expect(percent('appeals.mom', -0.0312, 'zh').text).toBe('3.1%');
    expect(points('resolvedRate.mom', -0.0125, 'zh').text).toBe('1.3');
    expect(roundsToZero(0.0004)).toBe(true);
    expect(roundsToZero(-0.0005)).toBe(false);
  });

  it('signs the tables the way the overview cards do, with a real minus and never "+-"', () => {
    expect(kpiChangeText('appeals', 1082, 1000, 'zh', 'exact')).toBe('+8.2%');
    expect(kpiChangeText('resolvedRate', 0.7, 0.72, 'zh', 'exact')).toBe('−2.0 个百分点');
    expect(kpiChangeText('resolvedRate', 0.7, 0.70001, 'en', 'exact')).toBe('0.0 pp');
    expect(kpiChangeText('appeals', 5, 0, 'en', 'exact')).toBe('—');
  });

  it('writes a ticket count of one or two as "<3" without its value for a reader who may not see it', () => {
    expect(ticketCount('appeals', 2, 'zh', 'suppressed')).toEqual({
      kind: 'figure',
      id: 'appeals',
      value: null,
      text: '<3',
    });
    expect(ticketCount('appeals', 2, 'zh', 'exact').text).toBe('2');
    expect(ticketCount('appeals', 0, 'en', 'suppressed').text).toBe('0');
    expect(ticketCount('appeals', 1234, 'en', 'suppressed').text).toBe('1,234');
    expect(kpiValueText('overdueCount', 1, 'zh', 'suppressed')).toBe('<3');
    expect(kpiValueText('resolvedRate', 0.02, 'zh', 'suppressed')).toBe('2.0%');
    // A change is withheld when either count is (it would give the count back); a small change of big counts is "<3".
    expect(ticketDifference('overdueCount.momDiff', 12, 2, 'zh', 'suppressed')).toBeNull();
    expect(ticketDifference('overdueCount.momDiff', 102, 101, 'zh', 'suppressed')?.text).toBe('<3');
    expect(ticketDifference('overdueCount.momDiff', 12, 2, 'zh', 'exact')?.text).toBe('10');
    expect(kpiChangeText('appeals', 12, 2, 'zh', 'suppressed')).toBe('—');
    expect(kpiChangeText('appeals', 12, 2, 'zh', 'exact')).toBe('+500.0%');
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
