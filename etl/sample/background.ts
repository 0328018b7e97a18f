import type { Position } from '../../lib/geo/geojson';
import type { Category } from '../../lib/taxonomy';
import type { DistrictAreas } from './district-areas';
import { DISTRICTS, districtWeight, townsOf, townWeight } from './geography';
import type { SampleChannel, SampleTicket } from './model';
import { drawAddress, pointNear, type TownPlaces } from './places';
import type { Rng } from './random';
import type { SlotValues } from './texts/compose';
import { makeTicket } from './ticket-factory';
import { CATEGORY_BASE, calendarFactor, HOUR_WEIGHTS, seasonFactor, trendFactor } from './volume';

const HOUR_MS = 3_600_000;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Everything the day generators share: the city's places, the categories, the export cut and volume scale. */
export interface CityContext {
  areas: DistrictAreas;
  places: ReadonlyMap<string, TownPlaces>;
  categories: readonly Category[];
  /** Export moment (wall-clock ms): appeals not closed by then are still open in the files. */
  cut: number;
  /** Tickets per unit of relative daily intensity. */
  scale: number;
  /** Number of days in the range (for the channel-mix drift). */
  days: number;
}

/** Relative intensity of one category on one day (before noise). */
export function intensity(code: string, dayMs: number, iso: string, dayIndex: number): number {
  return (CATEGORY_BASE[code] ?? 1) * seasonFactor(code, dayMs) * calendarFactor(iso) * trendFactor(dayIndex);
}

/** A received time within the day, following the channel's hour-of-day profile. */
export function drawTime(dayMs: number, channel: SampleChannel, rng: Rng): number {
  const hour = rng.weighted(HOURS, HOUR_WEIGHTS[channel === 'hotline' ? 'hotline' : 'online']);
  return dayMs + hour * HOUR_MS + rng.int(0, 3599) * 1000;
}

/** The channel of a background appeal: 60 % hotline, the app's share growing from 12 % to 18 % over the range. */
export function drawChannel(dayIndex: number, days: number, rng: Rng): SampleChannel {
  const app = 0.12 + (0.06 * dayIndex) / Math.max(1, days);
  const r = rng.next();
  return r < 0.6 ? 'hotline' : r < 0.6 + app ? 'app' : 'web';
}

const DISTRICT_WEIGHTS = DISTRICTS.map(districtWeight);

/** A random place in the city, weighted by district population and town density. */
export function drawPlace(
  ctx: CityContext,
  rng: Rng,
): { tp: TownPlaces; point: Position; address: string; slots: SlotValues } {
  const district = rng.weighted(DISTRICTS, DISTRICT_WEIGHTS);
  const towns = townsOf(district.code);
  const town = rng.weighted(towns, towns.map(townWeight));
  const tp = ctx.places.get(town.code)!;
  const addr = drawAddress(tp, rng);
  const point = pointNear(tp.anchor, tp.spreadMeters, district.code, ctx.areas, rng);
  const road2 = rng.pick(tp.roads);
  const place = rng.weighted(
    [addr.estate, addr.road, `${town.name}${addr.village}`, `${addr.road}${rng.int(1, 300)}号`],
    [4, 4, tp.town.kind === 'street' ? 0 : 2, 2],
  );
  return {
    tp,
    point,
    address: addr.text,
    slots: { place, road: addr.road, road2, estate: addr.estate, village: addr.village },
  };
}

/** Storm days multiply flooding and outage appeals; 12 % of rainy-season days are stormy. */
export function stormMultiplier(code: string, stormy: boolean): number {
  if (!stormy) return 1;
  return code === '0104' ? 5 : code === '1003' ? 1.8 : code === '1001' ? 1.3 : 1;
}

/**
 * The day's background appeals: per category a negative-binomial count (a city-wide gamma day factor times a
 * per-category gamma factor around the expected intensity), each with a place, channel and time.
 */
export function backgroundDay(
  ctx: CityContext,
  dayMs: number,
  iso: string,
  dayIndex: number,
  stormy: boolean,
  rng: Rng,
): SampleTicket[] {
  const dayNoise = rng.gamma(60, 1 / 60);
  const out: SampleTicket[] = [];
  for (const category of ctx.categories) {
    const mean =
      ctx.scale *
      intensity(category.code, dayMs, iso, dayIndex) *
      stormMultiplier(category.code, stormy) *
      dayNoise;
    const n = rng.negativeBinomial(mean, 8);
    for (let i = 0; i < n; i++) {
      const channel = drawChannel(dayIndex, ctx.days, rng);
      const where = drawPlace(ctx, rng);
      const spec = {
        channel,
        received: drawTime(dayMs, channel, rng),
        category,
        places: where.tp,
        point: where.point,
        address: where.address,
        slots: where.slots,
      };
      out.push(makeTicket(spec, ctx.cut, rng));
    }
  }
  return out;
}
