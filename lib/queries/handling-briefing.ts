import { HANDLING_PARAMETERS } from '../analytics/handling/parameters';
import type { Filters } from '../filters/filters';
import { fetchBouncePairs } from './handling-bounces';
import { fetchUnitClosureQuality, handlingTablesPresent } from './handling-units';

/** What the briefing's handling section says about handling quality: names only, worst first. */
export interface BriefingHandlingQuality {
  /** The pairs that bounced most tickets between them, with their first category. */
  bouncePairs: { unitA: string; unitB: string; category: { code: string; zh: string; en: string } | null }[];
  /** The units with the most closures reopened within the default window. */
  mostReopened: { unit: string; reopened: number }[];
}

/** Null when the warehouse has no handling tables (the step has not run). */
export async function fetchBriefingHandlingQuality(
  filters: Filters,
  limit = 3,
): Promise<BriefingHandlingQuality | null> {
  if (!(await handlingTablesPresent())) return null;
  const [pairs, units] = await Promise.all([
    fetchBouncePairs(filters, limit),
    fetchUnitClosureQuality(filters, HANDLING_PARAMETERS.reopenWindowDays),
  ]);
  return {
    bouncePairs: pairs.map((p) => ({
      unitA: p.unitA,
      unitB: p.unitB,
      category: p.categories[0]
        ? { code: p.categories[0].code, zh: p.categories[0].zh, en: p.categories[0].en }
        : null,
    })),
    mostReopened: units
      .filter((u) => u.reopened > 0)
      .sort((a, b) => b.reopened - a.reopened || a.unit.localeCompare(b.unit))
      .slice(0, limit)
      .map((u) => ({ unit: u.unit, reopened: u.reopened })),
  };
}
