/** A region renamed or re-coded when it changed type (县 → 区 / 市); old names still appear in tickets and addresses. */
export interface FormerName {
  formerName: string;
  formerCode: string;
  currentName: string;
  currentCode: string;
  year: number;
}

/**
 * Renames in Sichuan, each approved by the State Council (国务院批复) and published in the Ministry of Civil
 * Affairs' yearly list of county-level changes (民政部《县级以上行政区划变更情况》); the codes are the GB/T 2260
 * codes before and after. Only changes we are sure of are listed; add others with the same kind of source.
 */
export const SICHUAN_FORMER_NAMES: readonly FormerName[] = [
  { formerName: '宜宾县', formerCode: '511521', currentName: '叙州区', currentCode: '511504', year: 2018 },
  { formerName: '南溪县', formerCode: '511522', currentName: '南溪区', currentCode: '511503', year: 2011 },
  { formerName: '双流县', formerCode: '510122', currentName: '双流区', currentCode: '510116', year: 2015 },
  { formerName: '郫县', formerCode: '510124', currentName: '郫都区', currentCode: '510117', year: 2016 },
  { formerName: '新津县', formerCode: '510132', currentName: '新津区', currentCode: '510118', year: 2020 },
  { formerName: '名山县', formerCode: '511821', currentName: '名山区', currentCode: '511803', year: 2012 },
  { formerName: '罗江县', formerCode: '510626', currentName: '罗江区', currentCode: '510604', year: 2017 },
  { formerName: '安县', formerCode: '510724', currentName: '安州区', currentCode: '510705', year: 2016 },
  { formerName: '达县', formerCode: '511721', currentName: '达川区', currentCode: '511703', year: 2013 },
];

/** The current name of a region written under a former name (宜宾县 → 叙州区); other names come back unchanged. */
export function currentRegionName(name: string): string {
  return SICHUAN_FORMER_NAMES.find((f) => f.formerName === name)?.currentName ?? name;
}
