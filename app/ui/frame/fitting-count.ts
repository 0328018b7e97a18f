/**
 * How many entries, kept in order, fit on one line of `room` pixels, given each entry's width and the gap between
 * them. When not all fit, room is kept for the 更多 / More button (`more` wide) that holds the rest.
 */
export function fittingCount(widths: readonly number[], more: number, gap: number, room: number): number {
  // Half a pixel of slack: widths are fractional and rounding must not send the last entry into the menu.
  const slack = 0.5;
  const all = widths.reduce((sum, width, i) => sum + width + (i > 0 ? gap : 0), 0);
  if (all <= room + slack) return widths.length;
  let used = more;
  let count = 0;
  for (const width of widths) {
    if (used + gap + width > room + slack) break;
    used += gap + width;
    count++;
  }
  return count;
}
