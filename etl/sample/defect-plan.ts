import type { DefectKind, SampleChannel } from './model';
import type { Rng } from './random';

/** How many defects of each kind each channel gets (web rows carry no coordinates, so no out-of-area there). */
export const DEFECT_COUNTS: Readonly<Record<SampleChannel, Partial<Record<DefectKind, number>>>> = {
  hotline: { bad_date: 6, unknown_region: 5, out_of_area: 6, duplicate_row: 5 },
  web: { bad_date: 5, unknown_region: 4, duplicate_row: 3 },
  app: { unknown_region: 3, out_of_area: 5, duplicate_row: 2 },
};

/**
 * Chooses which background tickets (by their ordinal within their channel) get which defect: distinct ordinals
 * spread over the first 85 % of each channel's expected count, so every planned defect is written.
 */
export function planDefects(
  expected: Record<SampleChannel, number>,
  rng: Rng,
): Map<SampleChannel, Map<number, DefectKind>> {
  const plan = new Map<SampleChannel, Map<number, DefectKind>>();
  for (const channel of ['hotline', 'web', 'app'] as const) {
    const byOrdinal = new Map<number, DefectKind>();
    const max = Math.max(50, Math.floor(expected[channel] * 0.85));
    for (const [kind, count] of Object.entries(DEFECT_COUNTS[channel]) as [DefectKind, number][]) {
      for (let placed = 0; placed < count; ) {
        const ordinal = rng.int(10, max);
        if (byOrdinal.has(ordinal)) continue;
        byOrdinal.set(ordinal, kind);
        placed++;
      }
    }
    plan.set(channel, byOrdinal);
  }
  return plan;
}
