import { SMALL_COUNT_LIMIT } from './roles';

/** What a suppressed count reads as, in both languages. */
export const SUPPRESSED = `<${SMALL_COUNT_LIMIT}`;

/** Keys withheld beside a suppressed count: beside any, or (a record) beside the counts named for each. */
export type WithheldWithCounts = readonly string[] | Readonly<Record<string, readonly string[]>>;

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
   * suppressed, since the count shown and the change would give the suppressed one back. As a list, any suppressed
   * count of the object withholds them; as a record, each names the counts that give it away (a department's
   * score goes with its appeals, not with its overdue count).
   */
  withheldWith: WithheldWithCounts = [],
): T {
  const small = (key: string, child: unknown) =>
    keys.has(key) && typeof child === 'number' && child > 0 && child < SMALL_COUNT_LIMIT;
  const triggers: ReadonlyMap<string, readonly string[] | null> = Array.isArray(withheldWith)
    ? new Map(withheldWith.map((key) => [key, null]))
    : new Map(Object.entries(withheldWith));
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node);
    const suppressed = new Set(entries.filter(([key, child]) => small(key, child)).map(([key]) => key));
    const withheld = (key: string) => {
      if (suppressed.size === 0 || !triggers.has(key)) return false;
      const by = triggers.get(key);
      return by === null || by === undefined || by.some((count) => suppressed.has(count));
    };
    const out: Record<string, unknown> = {};
    for (const [key, child] of entries) {
      out[key] = suppressed.has(key) ? SUPPRESSED : withheld(key) ? null : visit(child);
    }
    return out;
  };
  return visit(value) as T;
}
