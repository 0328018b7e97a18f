import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../app/api/metric-trend/route';
import { ARROW_STREAM } from '../../lib/db/arrow';
import type { MetricTrend } from '../../lib/queries/metric-trend';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { signedRequest } from '../support/session';

/** GET /api/metric-trend, called as Next calls it, against the sample warehouse. */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('api-metric-trend');
}, 180_000);
afterAll(() => warehouse?.cleanup());

const get = (query: string, headers: Record<string, string> = {}) =>
  GET(signedRequest(`http://localhost/api/metric-trend?${query}`, { headers }));

async function errorOf(query: string): Promise<string> {
  const response = await get(query);
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: string }).error;
}

const QUERY = 'from=2025-01-01&to=2025-06-30&metric=satisfactionRate&grain=week&split=district&top=4';

describe('GET /api/metric-trend', () => {
  it('answers JSON by default', async () => {
    const response = await get(QUERY);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('vary')).toBe('accept, cookie');
    const trend = (await response.json()) as MetricTrend;
    expect(trend).toMatchObject({ metric: 'satisfactionRate', grain: 'week', split: 'district' });
    expect(trend.series.map((s) => s.key)).toHaveLength(5);
    expect(trend.series.at(-1)?.key).toBe('__other__');
    expect(trend.series[0]!.points).toHaveLength(trend.periods.length);
  });

  it('uses its defaults without parameters: the latest complete month, day by day, all appeals', async () => {
    const response = await get('');
    expect(response.status).toBe(200);
    const trend = (await response.json()) as MetricTrend;
    expect(trend).toMatchObject({ metric: 'appeals', grain: 'day', split: 'none' });
    expect(trend.periods).toHaveLength(31);
    expect(trend.periods[0]).toBe('2025-12-01');
  });

  it('answers the same rows as Arrow when asked', async () => {
    const json = (await (await get(QUERY)).json()) as MetricTrend;
    const response = await get(QUERY, { accept: `${ARROW_STREAM}, application/json;q=0.5` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(ARROW_STREAM);
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect(table.numRows).toBe(json.series.length * json.periods.length);
    expect(table.schema.fields.map((f) => f.name)).toEqual([
      'key',
      'name',
      'nameEn',
      'period',
      'value',
      'n',
      'expected',
      'lower',
      'upper',
      'anomaly',
      'partial',
    ]);
    const first = table.get(0)!.toJSON();
    const point = json.series[0]!.points[0]!;
    expect(first).toMatchObject({ key: json.series[0]!.key, period: point.period, n: point.n });
    expect(first.value).toBe(point.value);
  });

  it('refuses bad parameters with 400 and a message naming them', async () => {
    expect(await errorOf('metric=1;%20DROP%20TABLE%20tickets')).toMatch(/"metric"/);
    expect(await errorOf('split=unknown')).toMatch(/"split"/);
    expect(await errorOf('grain=hour')).toMatch(/"grain"/);
    expect(await errorOf('top=13')).toMatch(/"top"/);
    expect(await errorOf('top=two')).toMatch(/"top"/);
    expect(await errorOf('colour=red')).toMatch(/unknown parameter "colour"/);
    expect(await errorOf('grain=day&from=2021-01-01&to=2025-12-31')).toMatch(/grain=week or grain=month/);
  });
});
