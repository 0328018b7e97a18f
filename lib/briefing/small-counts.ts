import { SMALL_COUNT_LIMIT, suppressesSmallCounts, type Viewer } from '../auth/roles';
import { SUPPRESSED } from '../auth/small-counts';

/**
 * How a briefing writes ticket counts for its reader (docs/security.md): `exact` for readers who may read tickets
 * (analysts, administrators, the `npm run briefing` command run by the operator), `suppressed` for the others
 * (leadership), who read counts of one and two as "<3" as on the dashboard. Zero stays zero: it identifies nobody.
 *
 * The decision is made once per request and handed to every writer (sentences, tables, charts, map, Word), which
 * write a ticket count only through `ticketCount` / `ticketCountText` (lib/briefing/format.ts). Each writer takes it
 * as a required argument, so a new output or a new count cannot be added without deciding how it is shown; counts
 * of other things (districts, hot cells, departments, months) and forecasts use `plainCount` and say so.
 */
export type SmallCounts = 'exact' | 'suppressed';

export function smallCountsFor(viewer: Viewer): SmallCounts {
  return suppressesSmallCounts(viewer) ? 'suppressed' : 'exact';
}

export { SUPPRESSED };

/** Whether this ticket count is withheld from this reader. */
export function isWithheld(value: number, counts: SmallCounts): boolean {
  return counts === 'suppressed' && value > 0 && value < SMALL_COUNT_LIMIT;
}

/**
 * Whether a change between two ticket counts (a difference or a relative change) is withheld: when either count is,
 * since the shown count and the change would give the withheld one back.
 */
export function isChangeWithheld(current: number, base: number, counts: SmallCounts): boolean {
  return isWithheld(current, counts) || isWithheld(base, counts);
}
