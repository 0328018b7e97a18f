'use client';

import type { Text } from '../i18n/lang';
import type { RegionChoice } from './dashboard-context';

/**
 * The district and street choices. A city-wide reader starts from the city (市（全市）) and drills down; an office
 * account starts from its own region, the only one it may see: a district office sees its district as the district
 * choice and its streets below it, a street office only its street. Neither is ever offered "all regions".
 */
export function RegionSelects({
  region,
  regions,
  viewerRegion,
  onRegion,
  t,
}: {
  /** The `region` filter in the URL, if any. */
  region: string | undefined;
  /** The regions within the reader's scope (already narrowed on the server). */
  regions: RegionChoice[];
  viewerRegion: RegionChoice | null;
  /** Sets the region filter; null goes back to the widest the reader may see. */
  onRegion: (code: string | null) => void;
  t: (text: Text) => string;
}) {
  const chain = regionChain(region, regions);
  const districtLabel = t({ zh: '区县', en: 'District' });
  const streetLabel = t({ zh: '街道/乡镇', en: 'Street/town' });

  // A street office: one choice, its street (the district above it is not theirs to browse).
  if (viewerRegion && viewerRegion.level >= 4)
    return (
      <label>
        <span>{streetLabel}</span>
        <select value="" onChange={() => onRegion(null)}>
          <option value="">{viewerRegion.name}</option>
        </select>
      </label>
    );

  // A district office opens on its district ('' leaves the URL without a region: the server scopes it anyway).
  const ownDistrict = viewerRegion?.level === 3 ? viewerRegion : null;
  const city = regions.find((r) => r.level === 2);
  const county = ownDistrict ?? chain.find((r) => r.level === 3);
  const counties = ownDistrict ? [] : regions.filter((r) => r.level === 3);
  const towns = county ? regions.filter((r) => r.level === 4 && r.parent === county.code) : [];
  const town = chain.find((r) => r.level === 4);
  const top = ownDistrict
    ? ownDistrict.name
    : city
      ? `${city.name}${t({ zh: '（全市）', en: ' (whole city)' })}`
      : (viewerRegion?.name ?? t({ zh: '全部地区', en: 'All regions' }));

  return (
    <>
      <label>
        <span>{districtLabel}</span>
        <select
          value={ownDistrict ? '' : (county?.code ?? '')}
          onChange={(e) => onRegion(e.target.value || null)}
        >
          <option value="">{top}</option>
          {counties.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{streetLabel}</span>
        <select
          value={town?.code ?? ''}
          disabled={!county}
          onChange={(e) => onRegion(e.target.value || (ownDistrict ? null : (county?.code ?? null)))}
        >
          <option value="">{t({ zh: '全部', en: 'All' })}</option>
          {towns.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** The selected region and its ancestors, from the filter options (a 12-digit community selects its street). */
function regionChain(code: string | undefined, regions: RegionChoice[]): RegionChoice[] {
  const chain: RegionChoice[] = [];
  let current = code && code.length === 12 ? code.slice(0, 9) : code;
  while (current) {
    const region = regions.find((r) => r.code === current);
    if (!region) break;
    chain.push(region);
    current = region.parent ?? undefined;
  }
  return chain;
}
