import type { Position } from '../../lib/geo/geojson';
import type { DistrictAreas } from './district-areas';
import { type District, districtByCode, TOWNS, type Town } from './geography';
import { Rng } from './random';
import { ESTATE_STEMS, ESTATE_SUFFIXES, ROAD_STEMS, ROAD_SUFFIXES, VILLAGE_STEMS } from './texts/slots';

/** A town's fixed geography: its anchor point, how far its points spread, and its pools of places. */
export interface TownPlaces {
  town: Town;
  district: District;
  anchor: Position;
  spreadMeters: number;
  roads: string[];
  estates: string[];
  villages: string[];
}

const M_PER_DEG_LAT = 111_320;

/** The point `dx` metres east and `dy` metres north of `p` (small offsets). */
export function offsetMeters([lon, lat]: Position, dx: number, dy: number): Position {
  return [lon + dx / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)), lat + dy / M_PER_DEG_LAT];
}

function distinct(n: number, make: () => string): string[] {
  const out = new Set<string>();
  for (let i = 0; out.size < n && i < n * 20; i++) out.add(make());
  return [...out];
}

function anchorFor(town: Town, district: District, areas: DistrictAreas, rng: Rng): Position {
  const area = areas.byCode.get(district.code)!;
  const candidates = Array.from({ length: town.kind === 'street' ? 10 : 2 }, () => area.randomPoint(rng));
  const dist = (p: Position) => (p[0] - district.seat[0]) ** 2 + (p[1] - district.seat[1]) ** 2;
  candidates.sort((a, b) => dist(a) - dist(b));
  return candidates[0]!;
}

/**
 * Builds every town's places. Anchors and pools depend only on the town code (not on the generator seed), so the
 * city's geography is the same in every sample; street offices are anchored near their county seat.
 */
export function buildTownPlaces(areas: DistrictAreas): Map<string, TownPlaces> {
  const out = new Map<string, TownPlaces>();
  for (const town of TOWNS) {
    const rng = new Rng(`town:${town.code}`);
    const district = districtByCode(town.districtCode);
    out.set(town.code, {
      town,
      district,
      anchor: anchorFor(town, district, areas, rng),
      spreadMeters: town.kind === 'street' ? 900 : 2200,
      roads: distinct(8, () => rng.pick(ROAD_STEMS) + rng.pick(ROAD_SUFFIXES)),
      estates: distinct(12, () => rng.pick(ESTATE_STEMS) + rng.pick(ESTATE_SUFFIXES)),
      villages: distinct(6, () => `${rng.pick(VILLAGE_STEMS)}村`),
    });
  }
  return out;
}

/**
 * A point near `center` (normal offsets, `sigmaMeters` per axis) that lies inside the district; falls back to the
 * centre after 30 misses.
 */
export function pointNear(
  center: Position,
  sigmaMeters: number,
  districtCode: string,
  areas: DistrictAreas,
  rng: Rng,
): Position {
  const area = areas.byCode.get(districtCode)!;
  for (let i = 0; i < 30; i++) {
    const p = offsetMeters(center, rng.normal() * sigmaMeters, rng.normal() * sigmaMeters);
    if (area.contains(p[0], p[1])) return p;
  }
  return center;
}

/** A street address in a town: road + number, and for urban places an estate with building, unit and room. */
export interface Address {
  road: string;
  estate: string;
  village: string;
  text: string;
}

/** Draws a realistic address (路/街 + 号 + 小区 + 栋/单元/室 in towns' centres, 村 + 组 in the countryside). */
export function drawAddress(tp: TownPlaces, rng: Rng): Address {
  const road = rng.pick(tp.roads);
  const estate = rng.pick(tp.estates);
  const village = rng.pick(tp.villages);
  const prefix = `${tp.district.name}${tp.town.name}`;
  const urban = tp.town.kind === 'street' || rng.chance(0.55);
  const text = urban
    ? `${prefix}${road}${rng.int(1, 399)}号${estate}${rng.int(1, 28)}栋${rng.int(1, 4)}单元${rng.int(1, 32)}0${rng.int(1, 6)}室`
    : `${prefix}${village}${rng.int(1, 12)}组${rng.int(1, 120)}号`;
  return { road, estate, village, text };
}
