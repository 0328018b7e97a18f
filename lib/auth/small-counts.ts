import { SMALL_COUNT_LIMIT } from './roles';

/** What a suppressed count reads as, in both languages. */
export const SUPPRESSED = `<${SMALL_COUNT_LIMIT}`;

/**
 * Replaces ticket counts from 1 to SMALL_COUNT_LIMIT − 1 with "<3" anywhere in a JSON answer, for readers without
 * ticket access: a count of one or two on a small street can point at one caller. Only the keys a route names are
 * counts (`appeals`, `count` …); rates and shares are left as they are. Zero stays zero: it identifies nobody.
 */
export function suppressSmallCounts<T>(
  value: T,
  keys: ReadonlySet<string>,
  /**
   * Keys computed from the counts beside them (a rise and its rate): null in any object where a count was
   * suppressed, since the count shown and the change would give the suppressed one back.
   */
  withheldWith: ReadonlySet<string> = new Set(),
): T {
  const small = (key: string, child: unknown) =>
    keys.has(key) && typeof child === 'number' && child > 0 && child < SMALL_COUNT_LIMIT;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node);
    const withheld = withheldWith.size > 0 && entries.some(([key, child]) => small(key, child));
    const out: Record<string, unknown> = {};
    for (const [key, child] of entries) {
      out[key] = small(key, child) ? SUPPRESSED : withheld && withheldWith.has(key) ? null : visit(child);
    }
    return out;
  };
  return visit(value) as T;
}
