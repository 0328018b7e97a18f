/**
 * Colour scales of the map, pure so they can be tested without a browser: counts are put in classes by quantile
 * breaks (a few dense cells would otherwise wash every other cell to the lightest colour), each class a step of a
 * sequential ramp from light yellow to dark red.
 */
export const MAP_RAMP = ['#fff3b0', '#fed976', '#fd8d3c', '#f03b20', '#bd0026', '#67001f'] as const;

/** The colour of regions and cells with nothing to show (no population known, no appeals). */
export const MAP_NO_DATA = '#e5e7eb';

/**
 * Upper bounds of up to MAP_RAMP.length classes from the values' quantiles, ascending and distinct; the last is
 * the maximum. Empty for no positive values.
 */
export function quantileBreaks(values: readonly number[], classes: number = MAP_RAMP.length): number[] {
  const sorted = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i <= classes; i++) {
    const value = sorted[Math.min(sorted.length - 1, Math.ceil((i / classes) * sorted.length) - 1)] as number;
    if (breaks.length === 0 || value > (breaks[breaks.length - 1] as number)) breaks.push(value);
  }
  return breaks;
}

/** The ramp colour of a value under `breaks` (from quantileBreaks); MAP_NO_DATA for null, zero or no breaks. */
export function colourFor(value: number | null, breaks: readonly number[]): string {
  if (value === null || !(value > 0) || breaks.length === 0) return MAP_NO_DATA;
  const index = breaks.findIndex((b) => value <= b);
  const cls = index === -1 ? breaks.length - 1 : index;
  // Spread the classes over the whole ramp when there are fewer than its steps.
  const step =
    breaks.length === 1
      ? MAP_RAMP.length - 1
      : Math.round((cls * (MAP_RAMP.length - 1)) / (breaks.length - 1));
  return MAP_RAMP[step] as string;
}

/** The legend of a scale: one entry per class, from the value after the previous bound to the bound. */
export function legendEntries(breaks: readonly number[]): { from: number; to: number; colour: string }[] {
  return breaks.map((to, i) => ({
    from: i === 0 ? 0 : (breaks[i - 1] as number),
    to,
    colour: colourFor(to, breaks),
  }));
}
