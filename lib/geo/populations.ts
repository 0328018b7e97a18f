/**
 * Resident population (常住人口) at the 7th national census, 2020-11-01, by region code. Null where we have no
 * figure we can cite exactly; per-10,000 rates are then not shown for that region.
 *
 * Sources: 四川省第七次全国人口普查公报（第一号）, 四川省统计局, 2021 (province total);
 * 宜宾市第七次全国人口普查公报（第一号）, 宜宾市统计局, 2021-06-09 (city total and the three most populous
 * districts/counties, the only ones that bulletin lists by number). The other seven 宜宾 counties are in the
 * census tables (第七次全国人口普查分县资料) but were not at hand to copy exactly.
 */
export const CENSUS_2020_POPULATION: Readonly<Record<string, number | null>> = {
  '510000': 83_674_866,
  '511500': 4_588_804,
  '511504': 938_157, // 叙州区 (the largest, not 翠屏区)
  '511502': 887_359, // 翠屏区
  '511523': 424_470, // 江安县
  '511503': null, // 南溪区
  '511524': null, // 长宁县
  '511525': null, // 高县
  '511526': null, // 珙县
  '511527': null, // 筠连县
  '511528': null, // 兴文县
  '511529': null, // 屏山县
};

/** The 2020 census population of a region, or null when unknown. */
export function censusPopulation(code: string): number | null {
  return CENSUS_2020_POPULATION[code] ?? null;
}
