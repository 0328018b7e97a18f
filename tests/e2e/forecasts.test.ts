import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/**
 * The Forecasts view on the sample city with the forecasts step run: the forecast table shows the stored numbers,
 * switching the category (from the calendar, and by URL) changes the forecast, the backtest and seasonal profile
 * show the planted flood season, English works, the calendar exports.
 */
const tmp = makeTempDir('e2e-forecasts');
const config = testConfig(tmp.dir);
/** Polls for up to 20 s: the shared 2-core box answers slowly while other suites run. */
const POLL = { timeout: 20_000 };
let dashboard: RunningDashboard;
let browser: Browser;

async function open(url: string): Promise<Page> {
  const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${dashboard.url}${url}`);
  return page;
}

/** Waits for the forecast chart, then for ECharts to draw, before reading or taking a screenshot. */
async function waitForForecast(page: Page): Promise<void> {
  await page.locator('[data-testid="forecast"] svg').waitFor({ timeout: 20_000 });
  await page.locator('[data-testid="forecast-table"] tbody tr').first().waitFor();
  await page.waitForTimeout(500);
}

async function storedMeans(seriesId: string): Promise<{ period: string; mean: string }[]> {
  const rows = await query<{ period: string; mean: number }>(
    config,
    `SELECT period_start::VARCHAR AS period, mean FROM forecast_points
     WHERE series_id = ? AND kind = 'forecast' ORDER BY period_start`,
    [seriesId],
  );
  return rows.map((r) => ({ period: r.period, mean: Math.round(r.mean).toLocaleString('zh-CN') }));
}

async function shownMeans(page: Page): Promise<{ period: string; mean: string }[]> {
  const rows = page.locator('[data-testid="forecast-table"] tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      period: tr.getAttribute('data-period') ?? '',
      mean: tr.querySelector('[data-field="mean"]')?.textContent?.trim() ?? '',
    })),
  );
}

beforeAll(async () => {
  await load(sampleExports(), config, { analytics: ['forecasts'] });
  await buildDashboard();
  dashboard = await startDashboard({
    HOTLINE_DB: config.databasePath,
    HOTLINE_SECRET_FILE: config.secretPath,
  });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  tmp.cleanup();
});

describe('forecasts view', () => {
  it('shows the stored weekly forecast of all appeals, its model and its backtest', async () => {
    const page = await open('/forecasts');
    await waitForForecast(page);
    expect(await page.locator('[data-testid="forecast"] h2').textContent()).toBe('全市 · 全部诉求');
    expect(await shownMeans(page)).toEqual(await storedMeans('week:511500:all'));
    const [series] = await query<{ model: string; mase: number; baseline_mase: number }>(
      config,
      "SELECT model, mase, baseline_mase FROM forecast_series WHERE series_id = 'week:511500:all'",
    );
    await expect
      .poll(
        () =>
          page.locator(`[data-testid="backtest-models"] tr[data-model="${series!.model}"] th`).textContent(),
        POLL,
      )
      .toContain('（采用）');
    const summary = await page.locator('[data-testid="backtest-summary"]').textContent();
    expect(summary).toContain(`MASE ${series!.mase.toFixed(2)}`);
    expect(summary).toContain(`基准 ${series!.baseline_mase.toFixed(2)}`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'forecasts-city-week.png'), fullPage: true });
    await page.close();
  });

  it('switches category from the calendar and shows the flood season by month', async () => {
    const page = await open('/forecasts?step=month');
    await waitForForecast(page);
    const before = await shownMeans(page);
    // The calendar lists gas supply (1005) for January: clicking it filters the view to that category.
    const gas = page.locator('[data-testid="calendar-table"] tr[data-category="1005"] button').first();
    await gas.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('category'), POLL).toBe('1005');
    await expect
      .poll(() => page.locator('[data-testid="forecast"] h2').textContent(), POLL)
      .toBe('全市 · 燃气供应');
    await waitForForecast(page);
    expect(await shownMeans(page)).toEqual(await storedMeans('month:511500:1005'));
    expect(await shownMeans(page)).not.toEqual(before);

    await page.goto(`${dashboard.url}/forecasts?step=month&category=0104`);
    await waitForForecast(page);
    expect(await shownMeans(page)).toEqual(await storedMeans('month:511500:0104'));
    expect(await page.locator('[data-testid="high-months"]').textContent()).toContain('6月、7月、8月、9月');
    await page.waitForTimeout(300);
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'forecasts-flooding-month.png'),
      fullPage: true,
    });
    await page.close();
  });

  it('says why a sparse series falls back', async () => {
    const [sparse] = await query<{ region_code: string; category_code: string }>(
      config,
      `SELECT region_code, category_code FROM forecast_series
       WHERE step = 'week' AND region_level = 'district' AND category_level = 2 AND fallback_reason LIKE 'sparse%'
       ORDER BY appeals DESC LIMIT 1`,
    );
    const page = await open(`/forecasts?region=${sparse!.region_code}&category=${sparse!.category_code}`);
    await waitForForecast(page);
    expect(await page.locator('[data-testid="forecast-model"]').textContent()).toMatch(
      /近期平均 — 数据稀少：平均每周/,
    );
    await page.close();
  });

  it('works in English and offers the calendar as a file', async () => {
    const page = await open('/forecasts?step=month&category=0104');
    await waitForForecast(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Forecasts' }).waitFor();
    await expect
      .poll(() => page.locator('[data-testid="backtest-panel"] h2').textContent(), POLL)
      .toBe('How good has this forecast been?');
    expect(await page.locator('[data-testid="high-months"]').textContent()).toContain(
      'High months: Jun, Jul, Aug, Sep (',
    );
    const href = await page.locator('[data-testid="calendar-csv"]').getAttribute('href');
    expect(href).toContain('format=csv');
    expect(href).toContain('lang=en');
    const response = await page.request.get(`${dashboard.url}${href}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('Usual departments');
    await waitForForecast(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'forecasts-english.png'), fullPage: true });
    await page.close();
  });
});
