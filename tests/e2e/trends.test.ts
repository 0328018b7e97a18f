import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { SERIES_COLOURS } from '../../lib/charts/palette';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/**
 * The Trends view on the sample city: weekly numbers per channel against independent SQL on `tickets` (not the
 * rollup the view reads), the planted flood season in the anomaly list, cross-filtering from a series, English,
 * and what the view says when the range is too long for days or holds nothing.
 */
const tmp = makeTempDir('e2e-trends');
const config = testConfig(tmp.dir);
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  seasonalPeaks: { categoryCode: string; peakMonths: number[] }[];
};
let dashboard: RunningDashboard;
let browser: Browser;

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const WEEK = { from: '2025-03-03', to: '2025-03-09' };
const BY_CHANNEL = `/trends?from=${YEAR.from}&to=${YEAR.to}&split=channel&grain=week`;

const count = (value: number) => new Intl.NumberFormat('zh-CN').format(value);
const number = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));
const inDays = (from: string, to: string) =>
  `received_at >= DATE '${from}' AND received_at < DATE '${to}' + INTERVAL 1 DAY`;

async function open(url: string): Promise<Page> {
  const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${dashboard.url}${url}`);
  return page;
}

/** Waits for the chart, then for ECharts' entry animation to finish before a screenshot. */
async function waitForChart(page: Page): Promise<void> {
  await page.locator('[data-testid="metric-trend"] svg').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(600);
}

const cell = (page: Page, series: string, period: string) =>
  page.locator(`[data-testid="trend-table"] td[data-series="${series}"][data-period="${period}"]`);

beforeAll(async () => {
  await load(sampleExports(), config);
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

describe('trends', () => {
  it('tabulates weekly appeals per channel equal to an independent count', async () => {
    const channels = await query<{ channel: string; n: number }>(
      config,
      `SELECT channel, count(*)::INTEGER AS n FROM tickets WHERE ${inDays(YEAR.from, YEAR.to)}
       GROUP BY 1 ORDER BY n DESC, channel`,
    );
    const week = await query<{ channel: string; n: number }>(
      config,
      `SELECT channel, count(*)::INTEGER AS n FROM tickets WHERE ${inDays(WEEK.from, WEEK.to)} GROUP BY 1`,
    );
    expect(channels.length).toBeGreaterThan(1);
    const page = await open(BY_CHANNEL);
    await waitForChart(page);
    const headers = await page.locator('[data-testid="trend-table"] thead th').allTextContents();
    expect(headers).toEqual(['时期', ...channels.map((c) => c.channel)]);
    for (const { channel, n } of week)
      expect(await cell(page, channel, WEEK.from).locator('.value').textContent()).toBe(count(n));
    // The weeks of the biggest channel add up to its year: the cut weeks at either end count only days in range.
    const top = channels[0]!;
    const weeks = await page
      .locator(`[data-testid="trend-table"] td[data-series="${top.channel}"] .value`)
      .allTextContents();
    expect(weeks).toHaveLength(53);
    expect(weeks.reduce((sum, text) => sum + number(text), 0)).toBe(top.n);

    await page.locator('[data-testid="trend-table"] summary').click();
    // Opening the table scrolled the page: back to the top, or the sticky filter bar lands mid-screenshot.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'trends-channel-week.png'), fullPage: true });
    await page.close();
  });

  it('shows a rate as a percentage with its rated count when the metric changes', async () => {
    const [expected] = await query<{ satisfied: number; rated: number }>(
      config,
      `SELECT count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied'))::INTEGER AS satisfied,
              count(satisfaction)::INTEGER AS rated
       FROM tickets WHERE channel = '12345热线' AND ${inDays(WEEK.from, WEEK.to)}`,
    );
    const page = await open(BY_CHANNEL);
    await waitForChart(page);
    await page.locator('select[name="metric"]').selectOption('satisfactionRate');
    await page.waitForURL((url) => url.searchParams.get('metric') === 'satisfactionRate');
    const rate = new Intl.NumberFormat('zh-CN', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const satisfaction = cell(page, '12345热线', WEEK.from);
    // The table is collapsed: its cells are in the page but not visible.
    await satisfaction.locator('.value', { hasText: '%' }).waitFor({ state: 'attached' });
    expect(await satisfaction.locator('.value').textContent()).toBe(
      rate.format(expected!.satisfied / expected!.rated),
    );
    expect(await satisfaction.locator('.n').textContent()).toBe(` n=${count(expected!.rated)}`);
    expect(await page.locator('[data-testid="metric-trend"] h2').textContent()).toBe('满意率 · 按渠道拆分');
    await page.close();
  });

  it('lists the planted flood season as high anomalies of street flooding, each linking to its tickets', async () => {
    const flooding = truth.seasonalPeaks.find((p) => p.categoryCode === '0104')!;
    const months = await query<{ period: string; n: number }>(
      config,
      `SELECT strftime(date_trunc('month', received_at), '%Y-%m-%d') AS period, count(*)::INTEGER AS n
       FROM tickets WHERE category_l2 = '0104' AND ${inDays(YEAR.from, YEAR.to)} GROUP BY 1`,
    );
    const byMonth = new Map(months.map((m) => [m.period, m.n]));
    const page = await open(
      `/trends?from=${YEAR.from}&to=${YEAR.to}&category=0104&grain=month&metric=appeals`,
    );
    await waitForChart(page);
    const rows = page.locator('[data-testid="anomaly-table"] tbody tr');
    const periods = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-period') ?? ''));
    expect(periods.map((p) => Number(p.slice(5, 7)))).toEqual(flooding.peakMonths);
    for (const [i, period] of periods.entries()) {
      const row = rows.nth(i);
      expect(await row.locator('td.anomaly').textContent()).toBe('▲ 高于预期');
      expect(number(await row.locator('td.num').first().textContent())).toBe(byMonth.get(period));
      const link = new URL((await row.locator('a').getAttribute('href'))!, dashboard.url);
      expect(link.pathname).toBe('/tickets');
      expect(Object.fromEntries(link.searchParams)).toEqual({
        from: period,
        to: new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0))
          .toISOString()
          .slice(0, 10),
        category: '0104',
      });
    }
    // One series: its expected range is drawn and explained.
    expect(await page.locator('.chart-key').textContent()).toContain('阴影：预期范围');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'trends-flood-anomalies.png'), fullPage: true });
    await page.close();
  });

  it('filters the dashboard to a channel clicked on the chart or in the series list, keeping the split', async () => {
    const page = await open(BY_CHANNEL);
    await waitForChart(page);
    // A point of App's line, the third biggest channel (third palette colour; points are hollow circles).
    await page
      .locator(`[data-testid="metric-trend"] svg path[stroke="${SERIES_COLOURS[2]}"][fill="#fff"]`)
      .nth(20)
      .click({ force: true });
    await page.waitForURL((url) => url.searchParams.get('channel') === 'App');

    await page.goto(`${dashboard.url}${BY_CHANNEL}`);
    await waitForChart(page);
    await page.locator('[data-testid="series-filter"] button', { hasText: '网络问政' }).click();
    await page.waitForURL((url) => url.searchParams.get('channel') === '网络问政');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/trends');
    expect(url.searchParams.get('split')).toBe('channel');
    await expect
      .poll(() => page.locator('[data-testid="trend-table"] thead th').allTextContents(), { timeout: 20_000 })
      .toEqual(['时期', '网络问政']);
    // The filter bar shows it too, and one line gets its expected range.
    const channelFilter = page.locator('.filter-bar label', {
      has: page.locator('span', { hasText: /^渠道$/ }),
    });
    expect(await channelFilter.locator('select').inputValue()).toBe('网络问政');
    await page.locator('.chart-key', { hasText: '预期范围' }).waitFor();
    await page.close();
  });

  it('switches to English, keeping the view', async () => {
    const page = await open(BY_CHANNEL);
    await waitForChart(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Trends' }).waitFor();
    expect(await page.locator('[data-testid="metric-trend"] h2').textContent()).toBe(
      'Appeals received by channel',
    );
    expect(await page.locator('select[name="metric"] option:checked').textContent()).toBe('Appeals received');
    expect(await page.getByRole('button', { name: 'Weekly', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(
      await page.getByRole('button', { name: 'Channel', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await page.locator('[data-testid="anomaly-table"] thead th').allTextContents()).toEqual([
      'Period',
      'Series',
      'Appeals received',
      'Expected range',
      'Anomaly',
    ]);
    expect(await page.locator('[data-testid="anomaly-table"] td.anomaly').first().textContent()).toMatch(
      /(Above|Below) expected/,
    );
    expect(new URL(page.url()).searchParams.get('split')).toBe('channel');
    await waitForChart(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'trends-english.png'), fullPage: true });
    await page.close();
  });

  it('offers weeks or months when days are asked for over more than two years, and says when nothing matches', async () => {
    const page = await open('/trends?from=2023-01-01&to=2025-12-31&grain=day');
    const error = page.locator('[data-testid="trend-error"]');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toContain('grain=week or grain=month');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'trends-day-too-long.png'), fullPage: true });
    await error.getByRole('button', { name: '按月' }).click();
    await page.waitForURL((url) => url.searchParams.get('grain') === 'month');
    await waitForChart(page);

    await page.goto(`${dashboard.url}/trends?from=2019-01-01&to=2019-01-31`);
    await page.locator('[data-testid="metric-trend"] .widget-state.empty').waitFor({ timeout: 20_000 });
    await page.close();
  });
});
