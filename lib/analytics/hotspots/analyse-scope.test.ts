import { gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3ToBigInt } from '../../geo/h3-cells';
import { analyseScope, prepareBaseline } from './analyse-scope';
import { hotspotClassInfo } from './classes';
import { kRingNeighbourhoods } from './neighbourhoods';

/** mulberry32: the same simulated city on every run. */
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

const MONTHS = 24;
const SHARE = 0.04;

/**
 * A city of 331 res-8 cells (10 rings around a centre), 24 months from January: 80 appeals a month in the 19
 * central cells, 3 elsewhere; one category makes up 4% of them by chance alone. Planted on top, each at a country
 * cell 6 steps out: a year-round site (+6 a month), a rainy-season site (+10 in June–September) and an emerging site
 * (from month 16: 3, 4, 5, 6, 8, 10, 12, 15).
 */
function simulatedCity(plant: boolean, seed: number) {
  const centre = latLngToCell(28.75, 104.6, 8);
  const ring = gridDisk(centre, 10);
  const cells = ring.map(h3ToBigInt);
  const sixOut = ring.filter((h) => gridDistance(h, centre) === 6);
  const sites = { persistent: sixOut[0]!, seasonal: sixOut[12]!, emerging: sixOut[24]! };
  const random = rng(seed);
  const base = Array.from({ length: MONTHS }, () => new Int32Array(cells.length));
  const observed = Array.from({ length: MONTHS }, () => new Int32Array(cells.length));
  const emerging = [3, 4, 5, 6, 8, 10, 12, 15];
  ring.forEach((h, i) => {
    const volume = gridDistance(h, centre) <= 2 ? 80 : 3;
    for (let t = 0; t < MONTHS; t++) {
      let kind = 0;
      for (let k = 0; k < volume; k++) if (random() < SHARE) kind++;
      let extra = 0;
      if (plant && h === sites.persistent) extra = 6;
      if (plant && h === sites.seasonal && t % 12 >= 5 && t % 12 <= 8) extra = 10;
      if (plant && h === sites.emerging && t >= 16) extra = emerging[t - 16]!;
      base[t]![i] = volume + extra;
      observed[t]![i] = kind + extra;
    }
  });
  return { ring, cells, sites, base, observed };
}

const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);

function analyse(plant: boolean, seed: number) {
  const city = simulatedCity(plant, seed);
  const hoods = kRingNeighbourhoods(city.cells, 1);
  const analysis = analyseScope(
    {
      measure: 'concentration',
      observed: city.observed,
      baseline: prepareBaseline(city.base, hoods),
      firstCalendarMonth: 1,
    },
    hoods,
  );
  const classOf = (h: string) => analysis.classes[city.ring.indexOf(h)];
  return { city, analysis, classOf };
}

// Ten simulated cities per case: the class rules rest on significance tests, so a single city can be the one in
// twenty where noise looks like a trend. The counts below allow for that and nothing more.
describe('analyseScope on simulated cities (concentration)', () => {
  const runs = SEEDS.map((seed) => analyse(true, seed));

  it('classes each planted site by its pattern', () => {
    const persistent = runs.map((r) => r.classOf(r.city.sites.persistent));
    // A steady site: persistent, unless noise makes a significant trend (5% of the time by construction).
    expect(persistent.filter((c) => c === 'persistent').length).toBeGreaterThanOrEqual(8);
    expect(persistent.every((c) => c === 'persistent' || c === 'intensifying' || c === 'diminishing')).toBe(
      true,
    );
    expect(runs.map((r) => r.classOf(r.city.sites.seasonal))).toEqual(SEEDS.map(() => 'seasonal'));
    const emerging = runs.map((r) => r.classOf(r.city.sites.emerging));
    // ArcGIS's rule: one chance hot month long before the surge makes the site sporadic instead of consecutive.
    expect(
      emerging.filter((c) => c === 'new' || c === 'consecutive' || c === 'intensifying').length,
    ).toBeGreaterThanOrEqual(9);
    for (const { city, analysis } of runs) {
      const site = city.ring.indexOf(city.sites.emerging);
      expect(analysis.trendZ[site]).toBeGreaterThan(2);
      expect(analysis.months.slice(-6).every((m) => m.hot[site] === 1)).toBe(true);
    }
  });

  it('classes almost no hot spot away from the planted sites, the dense centre included', () => {
    const away = runs.flatMap(({ city, analysis }) =>
      city.ring.filter(
        (h, i) =>
          hotspotClassInfo(analysis.classes[i] ?? null)?.hot &&
          Object.values(city.sites).every((site) => gridDistance(h, site) > 1),
      ),
    );
    // 10 cities × 300-odd unplanted cells. (A few dense cells turn cold in the last months: the emerging site's
    // surge, 13% of the category's city total by then, raises the share everyone is compared with.)
    expect(away.length).toBeLessThanOrEqual(3);
  });

  it('expects, city-wide, about as many appeals as were observed each month', () => {
    const { city, analysis } = runs[0]!;
    for (let t = 0; t < MONTHS; t += 7) {
      const expected = city.base[t]!.reduce((a, b) => a + b, 0) * analysis.months[t]!.share!;
      const observed = city.observed[t]!.reduce((a, b) => a + b, 0);
      // The share comes from the two-month test window, so the month's own total is matched only roughly.
      expect(Math.abs(expected - observed)).toBeLessThan(0.35 * observed);
    }
    expect(analysis.whole.share).toBeCloseTo(
      city.observed.flatMap((m) => [...m]).reduce((a, b) => a + b, 0) /
        city.base.flatMap((m) => [...m]).reduce((a, b) => a + b, 0),
      12,
    );
  });
});

describe('analyseScope without planted sites', () => {
  it('a category with nothing planted does not light up', () => {
    let classed = 0;
    let hotCellMonths = 0;
    for (const seed of SEEDS) {
      const { analysis } = analyse(false, seed);
      classed += analysis.classes.filter((c) => c !== null).length;
      hotCellMonths += analysis.months.reduce((n, m) => n + m.hot.reduce((a, b) => a + b, 0), 0);
    }
    // 10 cities × 331 cells × 24 months = 79,440 cell-months tested.
    expect(classed).toBeLessThanOrEqual(5);
    expect(hotCellMonths).toBeLessThanOrEqual(40);
  });

  it('volume scopes (classic Gi* on counts) find the dense centre, as a heat map would', () => {
    const city = simulatedCity(false, 1);
    const hoods = kRingNeighbourhoods(city.cells, 1);
    const centre = city.ring[0]!;
    const analysis = analyseScope({ measure: 'volume', observed: city.base, firstCalendarMonth: 1 }, hoods);
    expect(analysis.classes[0]).toBe('persistent');
    const hot = city.ring.filter((_, i) => analysis.classes[i] !== null);
    expect(hot.every((h) => gridDistance(h, centre) <= 3)).toBe(true);
  });
});
