import type { HotspotMeasure } from './analyse-scope';
import { HOTSPOT_PARAMETERS } from './classes';
import { kRingNeighbourhoods, type Neighbourhoods } from './neighbourhoods';

/**
 * What the hotspot step analyses: the study area (cells and months) and the scopes (all appeals, each category),
 * from located-appeal counts per cell × month × category as the ETL reads them from the warehouse.
 */

/** Located appeals in one cell, month and category. */
export interface CountRow {
  cell: bigint;
  /** year × 12 + month − 1 */
  monthKey: number;
  l1: string | null;
  l2: string | null;
  tickets: number;
  /** Positions in the study area, set by studyArea. */
  cellIndex: number;
  monthIndex: number;
}

/** A scope: all appeals, or one category compared with the appeals of known category at its level. */
export interface Scope {
  scope: string;
  measure: HotspotMeasure;
  /** The scope's count rows. */
  rows: readonly CountRow[];
  /** The appeals a category is compared with: those with a known category at its level. */
  baseLevel?: 'l1' | 'l2';
}

function groupBy(rows: readonly CountRow[], key: (row: CountRow) => string | null): Map<string, CountRow[]> {
  const groups = new Map<string, CountRow[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * 'all', every first-level category, and each second-level category with at least minSecondLevelTickets located
 * appeals (fewer spread over hundreds of cells and dozens of months cannot reach significance after the FDR, and
 * would only cost time).
 */
export function scopesOf(rows: readonly CountRow[]): Scope[] {
  const byL1 = groupBy(rows, (row) => row.l1);
  const byL2 = groupBy(rows, (row) => row.l2);
  const total = (group: readonly CountRow[]) => group.reduce((sum, row) => sum + row.tickets, 0);
  const sorted = (groups: Map<string, CountRow[]>) => [...groups].sort(([a], [b]) => (a < b ? -1 : 1));
  return [
    { scope: 'all', measure: 'volume', rows },
    ...sorted(byL1).map(([code, group]) => ({
      scope: code,
      measure: 'concentration' as const,
      rows: group,
      baseLevel: 'l1' as const,
    })),
    ...sorted(byL2)
      .filter(([, group]) => total(group) >= HOTSPOT_PARAMETERS.minSecondLevelTickets)
      .map(([code, group]) => ({
        scope: code,
        measure: 'concentration' as const,
        rows: group,
        baseLevel: 'l2' as const,
      })),
  ];
}

/** The cells and months analysed, and each cell's neighbourhood. */
export interface StudyArea {
  cells: bigint[];
  neighbourhoods: Neighbourhoods;
  firstMonthKey: number;
  months: number;
}

/**
 * The study area: every cell with a located appeal in the span, in ascending order, and every month from the first
 * to the last. Sets each row's cell and month index.
 */
export function studyArea(rows: CountRow[]): StudyArea {
  const cells = [...new Set(rows.map((r) => r.cell))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(cells.map((cell, i) => [cell, i]));
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    first = Math.min(first, row.monthKey);
    last = Math.max(last, row.monthKey);
  }
  for (const row of rows) {
    row.cellIndex = index.get(row.cell)!;
    row.monthIndex = row.monthKey - first;
  }
  return {
    cells,
    neighbourhoods: kRingNeighbourhoods(cells, HOTSPOT_PARAMETERS.kRing),
    firstMonthKey: first,
    months: last - first + 1,
  };
}

/** counts[t][i]: appeals of `rows` in month t in cell i. */
export function countMatrix(rows: readonly CountRow[], area: StudyArea): Int32Array[] {
  const matrix = Array.from({ length: area.months }, () => new Int32Array(area.cells.length));
  for (const row of rows) matrix[row.monthIndex]![row.cellIndex]! += row.tickets;
  return matrix;
}
