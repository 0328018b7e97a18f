import { describe, expect, it } from 'vitest';
import { categories, categoryByCode, childrenOf, findCategoryByName } from './index';

describe('taxonomy', () => {
  it('has about 12 first-level and 60 second-level categories with unique, well-formed codes', () => {
    const l1 = categories.filter((c) => c.level === 1);
    const l2 = categories.filter((c) => c.level === 2);
    expect(l1).toHaveLength(12);
    expect(l2.length).toBeGreaterThanOrEqual(60);
    expect(new Set(categories.map((c) => c.code)).size).toBe(categories.length);
    for (const c of l2) {
      expect(c.code).toMatch(/^\d{4}$/);
      expect(c.code.startsWith(c.parentCode!)).toBe(true);
      expect(c.departments.length).toBeGreaterThan(0);
      expect(c.dueDays).toBeGreaterThan(0);
    }
  });

  it('finds categories by code, name, alias and English name', () => {
    expect(categoryByCode('0701')?.zh).toBe('拖欠工资');
    expect(findCategoryByName('欠薪')?.code).toBe('0701');
    expect(findCategoryByName('street flooding and waterlogging')?.code).toBe('0104');
    expect(findCategoryByName('环境保护', 1)?.code).toBe('02');
    expect(findCategoryByName('环境保护', 2)).toBeUndefined();
    expect(findCategoryByName('城市管理')?.code).toBe('01');
    expect(findCategoryByName('no such thing')).toBeUndefined();
    expect(childrenOf('10').map((c) => c.code)).toContain('1005');
  });

  it('names no category twice', () => {
    const names = categories.map((c) => c.zh);
    expect(new Set(names).size).toBe(names.length);
  });
});
