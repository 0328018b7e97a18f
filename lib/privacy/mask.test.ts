import { describe, expect, it } from 'vitest';
import { maskAddress, maskPersonalData, placeKey } from './mask';
import { ADDRESS_CASES, PLACE_KEY_CASES, TEXT_CASES } from './mask-cases';

function mapKeys(cases: Readonly<Record<string, string>>, f: (s: string) => string): Record<string, string> {
  return Object.fromEntries(Object.keys(cases).map((input) => [input, f(input)]));
}

describe('maskPersonalData', () => {
  it('masks phones, ID numbers and emails on digit boundaries only', () => {
    expect(mapKeys(TEXT_CASES, maskPersonalData)).toEqual(TEXT_CASES);
  });

  it('is idempotent', () => {
    for (const masked of Object.values(TEXT_CASES)) expect(maskPersonalData(masked)).toBe(masked);
  });
});

describe('maskAddress', () => {
  it('keeps the address down to the building or village group', () => {
    expect(mapKeys(ADDRESS_CASES, maskAddress)).toEqual(ADDRESS_CASES);
  });
});

describe('placeKey', () => {
  it('normalises width, masks below the building, drops punctuation and case', () => {
    expect(mapKeys(PLACE_KEY_CASES, placeKey)).toEqual(PLACE_KEY_CASES);
  });
});
