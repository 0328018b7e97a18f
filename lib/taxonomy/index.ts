import { categories } from './categories';
import type { Category } from './types';

export { categories } from './categories';
export type { Category } from './types';

const BY_CODE = new Map(categories.map((c) => [c.code, c]));

const normalise = (text: string): string =>
  text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/[类]$/, '');

/** The category with this code ('03', '0301'), or undefined. */
export function categoryByCode(code: string): Category | undefined {
  return BY_CODE.get(code);
}

/** Second-level children of a first-level code, in taxonomy order. */
export function childrenOf(code: string): Category[] {
  return categories.filter((c) => c.parentCode === code);
}

/**
 * Finds a category by a name as sources write it: the Chinese name, an alias, or the English name (case-insensitive);
 * full-width characters and a trailing 类 are ignored. With `level`, only that level is searched. Exact names win over
 * aliases; the first match in taxonomy order wins among aliases.
 */
export function findCategoryByName(name: string, level?: 1 | 2): Category | undefined {
  const key = normalise(name);
  if (!key) return undefined;
  const pool = level ? categories.filter((c) => c.level === level) : categories;
  return (
    pool.find((c) => normalise(c.zh) === key || normalise(c.en) === key) ??
    pool.find((c) => c.aliases.some((a) => normalise(a) === key))
  );
}
