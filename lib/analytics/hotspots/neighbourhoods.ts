import { gridDisk } from 'h3-js';
import { bigIntToH3, h3ToBigInt } from '../../geo/h3-cells';

/**
 * Who is whose neighbour, for a fixed list of cells (the study area), in compressed form: the neighbours of cell i
 * are `members[start[i]] … members[start[i + 1] − 1]`, indexes into the same list, the cell itself included.
 * Every weight is 1 (binary weights): a neighbourhood's value is the plain sum over its members.
 */
export interface Neighbourhoods {
  start: Int32Array;
  members: Int32Array;
}

/** Neighbourhoods from explicit lists (tests, and any non-H3 geometry). */
export function neighbourhoodsFromLists(lists: readonly (readonly number[])[]): Neighbourhoods {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i]! + lists[i]!.length;
  const members = new Int32Array(start[lists.length]!);
  for (let i = 0; i < lists.length; i++) members.set(lists[i]!, start[i]!);
  return { start, members };
}

/**
 * The k-ring neighbourhood of each H3 cell (UBIGINT values as stored in tickets.h3_r*): every cell within k grid
 * steps, itself included, restricted to the cells of the study area. A ring cell outside the study area holds no
 * appeals and is simply absent (its weight would multiply nothing).
 */
export function kRingNeighbourhoods(cells: readonly bigint[], k: number): Neighbourhoods {
  const index = new Map(cells.map((cell, i) => [cell, i]));
  return neighbourhoodsFromLists(
    cells.map((cell) =>
      gridDisk(bigIntToH3(cell), k)
        .map((h) => index.get(h3ToBigInt(h)))
        .filter((i): i is number => i !== undefined)
        .sort((a, b) => a - b),
    ),
  );
}

/** Σ values over each cell's neighbourhood (the Gi* numerator's first term, with binary weights). */
export function neighbourhoodSums(values: ArrayLike<number>, neighbourhoods: Neighbourhoods): Float64Array {
  const { start, members } = neighbourhoods;
  const sums = new Float64Array(start.length - 1);
  for (let i = 0; i < sums.length; i++) {
    let sum = 0;
    for (let m = start[i]!; m < start[i + 1]!; m++) sum += values[members[m]!]!;
    sums[i] = sum;
  }
  return sums;
}
