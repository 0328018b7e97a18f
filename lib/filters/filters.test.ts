import { describe, expect, it } from 'vitest';
import { FiltersError, filtersToParams, parseFilters } from './filters';

const defaults = { from: '2025-07-01', to: '2025-07-31' };
const parse = (query: string) => parseFilters(new URLSearchParams(query), defaults);

describe('Filters from the URL', () => {
  it('reads every filter and round-trips through the URL', () => {
    const filters = parse(
      'from=2025-01-01&to=2025-03-31&region=511502&category=0104&channel=12345热线&type=complaint&dept=市住房城乡建设局',
    );
    expect(filters).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
      region: '511502',
      category: '0104',
      channel: '12345热线',
      type: 'complaint',
      dept: '市住房城乡建设局',
    });
    expect(parseFilters(filtersToParams(filters), defaults)).toEqual(filters);
  });

  it('defaults the range and ignores empty parameters', () => {
    expect(parse('region=&category=01')).toEqual({ ...defaults, category: '01' });
  });

  it.each([
    ["region=511502' OR 1=1 --", /"region": a 6-, 9- or 12-digit region code/],
    ['category=01;DROP TABLE tickets', /"category": a 2- or 4-digit category code/],
    ['type=anything', /"type"/],
    ['from=2025-02-30', /"from": not a calendar date/],
    ['from=2025-08-01&to=2025-07-01', /"from" must not be after "to"/],
    ['from=1900-01-01&to=2025-01-01', /"to": a range of at most 7320 days/],
    ['limit=5', /unknown parameter "limit"/],
    [`dept=${'长'.repeat(81)}`, /"dept": at most 80 characters/],
    ['channel=a%00b', /"channel": no control characters/],
  ])('rejects %s with a message naming the parameter', (query, message) => {
    expect(() => parse(query)).toThrow(FiltersError);
    expect(() => parse(query)).toThrow(message);
  });
});
