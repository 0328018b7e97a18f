/**
 * The monthly timeline of a candidate as an SVG polyline: every month of the range (months without appeals at 0),
 * scaled into a `width` × `height` box, y down. Pure, so the page and the brief draw the same line.
 */
export interface Sparkline {
  points: string;
  /** Months from the first to the last of the range, 'YYYY-MM'. */
  months: string[];
  values: number[];
  max: number;
}

/** 'YYYY-MM' months from `from` to `to` (both 'YYYY-MM-DD' or 'YYYY-MM'), inclusive. */
export function monthsOfRange(from: string, to: string): string[] {
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const out: string[] = [];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function sparkline(
  timeline: readonly { month: string; tickets: number }[],
  range: { from: string; to: string },
  size: { width: number; height: number },
): Sparkline {
  const months = monthsOfRange(range.from, range.to);
  const byMonth = new Map(timeline.map((p) => [p.month, p.tickets]));
  const values = months.map((m) => byMonth.get(m) ?? 0);
  const max = Math.max(0, ...values);
  const step = months.length > 1 ? size.width / (months.length - 1) : 0;
  const y = (v: number) => (max > 0 ? size.height - (v / max) * size.height : size.height);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return { points, months, values, max };
}
