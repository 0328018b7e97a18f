import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getCalendar } from '../../app/api/forecasts/calendar/route';
import { GET as getForecast } from '../../app/api/forecasts/route';
import type { ProactiveCalendarRow } from '../../lib/queries/forecast-calendar';
import type { ForecastView } from '../../lib/queries/forecast-view';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { signedRequest } from '../support/session';
import { query } from '../support/warehouse';

/** GET /api/forecasts and /api/forecasts/calendar against the sample warehouse with the forecasts step run. */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('api-forecasts', { analytics: ['forecasts'] });
}, 180_000);
afterAll(() => warehouse?.cleanup());

const forecast = async (q: string) => {
  const response = await getForecast(signedRequest(`http://localhost/api/forecasts?${q}`));
  expect(response.status).toBe(200);
  return (await response.json()) as Extract<ForecastView, { status: 'ok' }>;
};

describe('GET /api/forecasts', () => {
  it('answers the stored forecast of a category, with its backtests and seasonal profile', async () => {
    const view = await forecast('step=month&category=0104');
    expect(view.status).toBe('ok');
    expect(view.series).toMatchObject({
      seriesId: 'month:511500:0104',
      regionLevel: 'city',
      categoryZh: '道路积水内涝',
    });
    const stored = await query<{ mean: number }>(
      warehouse.config,
      `SELECT mean FROM forecast_points WHERE series_id = 'month:511500:0104' AND kind = 'forecast'
       ORDER BY period_start`,
    );
    expect(view.points.filter((p) => p.kind === 'forecast').map((p) => p.mean)).toEqual(
      stored.map((s) => s.mean),
    );
    expect(view.backtests.length).toBeGreaterThan(0);
    // The flood season (June–September) is the high part of the year.
    const high = view.profile.filter((m) => m.index > 1.5).map((m) => m.month);
    expect(high).toEqual([6, 7, 8, 9]);
  });

  it('shows a street’s district and answers no series for a day-by-day category', async () => {
    const street = await forecast('step=week&region=511502001');
    expect(street.regionFromTown).toBe('511502001');
    expect(street.series?.regionCode).toBe('511502');
    const daily = await forecast('step=day&category=0104');
    expect(daily.series).toBeNull();
    expect(daily.points).toEqual([]);
  });

  it('rejects an unknown step', async () => {
    const response = await getForecast(signedRequest('http://localhost/api/forecasts?step=year'));
    expect(response.status).toBe(400);
  });
});

describe('GET /api/forecasts/calendar', () => {
  it('answers typed rows and the same rows as CSV and XLSX', async () => {
    const response = await getCalendar(signedRequest('http://localhost/api/forecasts/calendar?months=3'));
    const rows = (await response.json()) as ProactiveCalendarRow[];
    const stored = await query<{ n: number }>(
      warehouse.config,
      'SELECT count(*)::INTEGER AS n FROM forecast_calendar',
    );
    expect(rows.length).toBe(stored[0]!.n);
    expect(rows.length).toBeGreaterThan(0);
    const gas = rows.find(
      (r) => r.categoryCode === '1005' && r.regionLevel === 'city' && r.monthsAhead === 1,
    )!;
    expect(gas).toMatchObject({ categoryZh: '燃气供应', month: '2026-01-01', riseStart: '2026-01-01' });
    expect(gas.expected).toBeGreaterThan(1.5 * gas.normal);

    const csv = await getCalendar(signedRequest('http://localhost/api/forecasts/calendar?format=csv'));
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('通常承办部门');
    expect(lines).toHaveLength(rows.length + 1);

    const xlsx = await getCalendar(
      signedRequest('http://localhost/api/forecasts/calendar?format=xlsx&lang=en'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Month');
    expect(sheet.rowCount).toBe(rows.length + 1);
  });

  it('narrows to a district and to one month ahead', async () => {
    const one = (await (
      await getCalendar(signedRequest('http://localhost/api/forecasts/calendar?months=1'))
    ).json()) as ProactiveCalendarRow[];
    expect(one.every((r) => r.monthsAhead === 1)).toBe(true);
    const district = (await (
      await getCalendar(signedRequest('http://localhost/api/forecasts/calendar?region=511502'))
    ).json()) as ProactiveCalendarRow[];
    expect(district.every((r) => r.regionCode === '511502')).toBe(true);
  });
});
