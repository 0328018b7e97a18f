import { gridDisk } from 'h3-js';

/** A classed cell as the peak finder needs it. */
export interface PeakCandidate {
  cell: string;
  tickets: number;
  giZ: number | null;
}

/**
 * The hot cells worth listing one by one. Gi* counts a cell's neighbours with it, so one busy site lights up its
 * whole k-ring: seven cells for the planted flooding crossing, six of them with no appeals of their own. A cell is a
 * peak when it has appeals and no hot cell within `k` steps has more (ties go to the smaller index), so the list
 * names the site, once, and says how many hot cells surround it. Peaks come strongest first (Gi* z, then appeals).
 */
export function hotspotPeaks<C extends PeakCandidate>(
  hot: readonly C[],
  k: number,
): (C & { hotNeighbours: number })[] {
  const byCell = new Map(hot.map((c) => [c.cell, c]));
  const peaks: (C & { hotNeighbours: number })[] = [];
  for (const candidate of hot) {
    if (candidate.tickets <= 0) continue;
    let hotNeighbours = 0;
    let peak = true;
    for (const neighbour of gridDisk(candidate.cell, Math.max(1, k))) {
      const other = neighbour === candidate.cell ? undefined : byCell.get(neighbour);
      if (!other) continue;
      hotNeighbours++;
      if (
        other.tickets > candidate.tickets ||
        (other.tickets === candidate.tickets && other.cell < candidate.cell)
      )
        peak = false;
    }
    if (peak) peaks.push({ ...candidate, hotNeighbours });
  }
  return peaks.sort(
    (a, b) =>
      (b.giZ ?? Number.NEGATIVE_INFINITY) - (a.giZ ?? Number.NEGATIVE_INFINITY) || b.tickets - a.tickets,
  );
}
