import { describe, expect, it } from 'vitest';
import { excessGiStar } from './excess-gi-star';
import { benjaminiHochberg } from './fdr';
import { getisOrdGiStar } from './gi-star';
import { neighbourhoodsFromLists } from './neighbourhoods';

/** A small deterministic generator (mulberry32), so the simulated city is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function binomial(n: number, p: number, random: () => number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

/** A 40 × 40 grid, each cell's neighbourhood the 3 × 3 block around it (the cell included). */
function grid(size: number) {
  const lists: number[][] = [];
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      const list: number[] = [];
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr >= 0 && rr < size && cc >= 0 && cc < size) list.push(rr * size + cc);
        }
      lists.push(list.sort((a, b) => a - b));
    }
  return neighbourhoodsFromLists(lists);
}

describe('excessGiStar', () => {
  it('matches exact binomial tails worked by hand', () => {
    // Three isolated cells (each its own neighbourhood); share = 3/24 = 0.125.
    // Cell 0: O = 3 of A = 4: P(X ≥ 3) = 29/4096 = 0.00708, P(X ≤ 3) = 0.99976 → p = 0.01416, z = Φ⁻¹(1 − 0.00708) = 2.4532.
    // Cell 1: O = 0 of A = 10: P(X ≤ 0) = 0.875¹⁰ = 0.26308 → p = 0.52615, z = −0.6339.
    const hoods = neighbourhoodsFromLists([[0], [1], [2], [3]]);
    const { z, p, testable } = excessGiStar([3, 0, 0, 0], [4, 10, 10, 0], 3 / 24, hoods);
    expect(p[0]).toBeCloseTo(0.01416015625, 9);
    expect(z[0]).toBeCloseTo(2.4531746671421697, 6);
    expect(p[1]).toBeCloseTo(0.5261511523276567, 9);
    expect(z[1]).toBeCloseTo(-0.6338922367496826, 6);
    // A neighbourhood without appeals is not a test.
    expect([...testable]).toEqual([1, 1, 1, 0]);
    expect(p[3]).toBe(1);
  });

  it('sums observed and base counts over the neighbourhood', () => {
    const pair = neighbourhoodsFromLists([
      [0, 1],
      [0, 1],
    ]);
    const split = excessGiStar([2, 1], [2, 2], 0.25, pair);
    const merged = excessGiStar([3], [4], 0.25, neighbourhoodsFromLists([[0]]));
    expect(split.p[0]).toBeCloseTo(merged.p[0]!, 12);
    expect(split.z[1]).toBeCloseTo(merged.z[0]!, 12);
  });

  it('finds a planted site in a city with a dense centre, where classic Gi* on the excess flags the centre', () => {
    const size = 40;
    const hoods = grid(size);
    const random = rng(7);
    const share = 0.04;
    const base: number[] = [];
    const observed: number[] = [];
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) {
        // Centre 8 × 8 block: 300 appeals a cell; elsewhere 2.
        const a = r >= 16 && r < 24 && c >= 16 && c < 24 ? 300 : 2;
        base.push(a);
        observed.push(binomial(a, share, random));
      }
    // The planted site: 12 extra appeals of the kind at a country cell (row 5, column 5).
    const site = 5 * size + 5;
    base[site]! += 12;
    observed[site]! += 12;
    const total = observed.reduce((a, b) => a + b, 0) / base.reduce((a, b) => a + b, 0);

    const excess = excessGiStar(observed, base, total, hoods);
    const q = benjaminiHochberg(excess.p, excess.testable);
    const flagged = [...q.keys()].filter((i) => q[i]! <= 0.05 && excess.z[i]! > 0);
    const near = (i: number) => Math.abs(Math.floor(i / size) - 5) <= 1 && Math.abs((i % size) - 5) <= 1;
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every(near)).toBe(true);

    // Classic Gi* on the same excesses: the centre's ordinary binomial noise dwarfs the country's, so the
    // centre lights up although nothing was planted there.
    const excesses = observed.map((o, i) => o - base[i]! * total);
    const classic = getisOrdGiStar(excesses, hoods);
    const classicQ = benjaminiHochberg(classic.p);
    const classicFlagged = [...classicQ.keys()].filter((i) => classicQ[i]! <= 0.05);
    expect(classicFlagged.filter((i) => !near(i)).length).toBeGreaterThan(10);
  });
});
