import { describe, expect, it } from 'vitest';
import { cellText, plainNumber, wallClock } from './xlsx-cell';

describe('cellText', () => {
  it('writes numbers without an exponent', () => {
    expect(plainNumber(13800138000)).toBe('13800138000');
    expect(plainNumber(0.0000001)).toBe('0.0000001');
    expect(plainNumber(-1.25e-8)).toBe('-0.0000000125');
    expect(plainNumber(1.2345e21)).toBe('1234500000000000000000');
    expect(plainNumber(2.5)).toBe('2.5');
  });

  it('writes dates with their UTC fields, which hold the wall-clock time', () => {
    expect(wallClock(new Date(Date.UTC(2020, 0, 6, 12, 9, 38)))).toBe('2020-01-06 12:09:38');
  });

  it('reads rich text, hyperlinks, formulas and errors as their shown text', () => {
    expect(cellText({ richText: [{ text: '积' }, { text: '水' }] })).toBe('积水');
    expect(cellText({ text: { richText: [{ text: '链接' }] }, hyperlink: 'https://x' })).toBe('链接');
    expect(cellText({ formula: 'A1', result: new Date(Date.UTC(2024, 1, 29)) })).toBe('2024-02-29 00:00:00');
    expect(cellText({ sharedFormula: 'A1', result: { error: '#N/A' } })).toBe('#N/A');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBeNull();
  });
});
