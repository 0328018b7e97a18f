import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/**
 * The leadership overview on the sample city: every KPI against an independent query on `tickets` (not the rollup
 * the dashboard reads), cross-filtering by clicking a category, the English switch and large text.
 */
const tmp = makeTempDir('e2e-overview');
const config = testConfig(tmp.dir);
let dashboard: RunningDashboard;
let browser: Browser;

// The sample's data end on 2025-12-31, so the overview opens on December 2025.
const MONTH = { from: '2025-12-01', to: '2025-12-31' };

interface ExpectedKpis {
  appeals: number;
  resolvedRate: number;
  satisfactionRate: number;
  onTimeRate: number;
  overdueCount: number;
  returnRate: number;
  repeatRate: number;
  medianHandlingHours: number;
}

/** The KPIs straight from tickets, written independently of lib/sql (repeat appeals by a self-join). */
async function expectedKpis(category?: {
  column: 'category_l1' | 'category_l2';
  code: string;
}): Promise<ExpectedKpis> {
  const extra = category ? `AND ${category.column} = '${category.code}'` : '';
  const [row] = await query<ExpectedKpis>(
    config,
    `WITH month AS (
       SELECT * FROM tickets
       WHERE received_at >= DATE '${MONTH.from}' AND received_at < DATE '${MONTH.to}' + 1 ${extra}
     )
     SELECT count(*)::INTEGER AS appeals,
            count(*) FILTER (WHERE resolved) / count(resolved) AS "resolvedRate",
            count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied')) / count(satisfaction)
              AS "satisfactionRate",
            count(*) FILTER (WHERE status = 'closed' AND closed_at <= due_at)
              / count(*) FILTER (WHERE status = 'closed' AND due_at IS NOT NULL AND closed_at IS NOT NULL) AS "onTimeRate",
            count(*) FILTER (WHERE overdue)::INTEGER AS "overdueCount",
            count(*) FILTER (WHERE returned) / count(returned) AS "returnRate",
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM tickets p
              WHERE p.caller_key = month.caller_key
                AND coalesce(p.category_l2, p.category_l1, '') = coalesce(month.category_l2, month.category_l1, '')
                AND (p.received_at < month.received_at OR (p.received_at = month.received_at AND p.ticket_id < month.ticket_id))
                AND month.received_at - p.received_at <= INTERVAL 30 DAY
            )) / count(caller_key) AS "repeatRate",
            median(handling_hours) FILTER (WHERE handling_hours >= 0) AS "medianHandlingHours"
     FROM month`,
  );
  if (!row) throw new Error('no KPI row');
  return row;
}

const share = (value: number) =>
  new Intl.NumberFormat('zh-CN', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
const count = (value: number) => new Intl.NumberFormat('zh-CN').format(value);

async function kpiText(page: Page, id: string): Promise<string> {
  return (await page.locator(`[data-kpi="${id}"] .kpi-value`).textContent()) ?? '';
}

async function checkKpis(page: Page, expected: ExpectedKpis): Promise<void> {
  expect(await kpiText(page, 'appeals')).toBe(count(expected.appeals));
  expect(await kpiText(page, 'overdueCount')).toBe(count(expected.overdueCount));
  expect(await kpiText(page, 'resolvedRate')).toBe(share(expected.resolvedRate));
  expect(await kpiText(page, 'satisfactionRate')).toBe(share(expected.satisfactionRate));
  expect(await kpiText(page, 'onTimeRate')).toBe(share(expected.onTimeRate));
  expect(await kpiText(page, 'returnRate')).toBe(share(expected.returnRate));
  expect(await kpiText(page, 'repeatRate')).toBe(share(expected.repeatRate));
  // The median comes from log-scale buckets: within 3% of the exact one.
  const median = Number(await page.locator('[data-kpi="medianHandlingHours"]').getAttribute('data-value'));
  expect(Math.abs(median - expected.medianHandlingHours) / expected.medianHandlingHours).toBeLessThan(0.03);
}

async function waitForKpis(page: Page, appeals: number): Promise<void> {
  await page
    .locator('[data-kpi="appeals"] .kpi-value', { hasText: count(appeals) })
    .waitFor({ timeout: 20_000 });
}

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

describe('overview', () => {
  it('opens on the latest complete month with every KPI equal to an independent count', async () => {
    const expected = await expectedKpis();
    expect(expected.appeals).toBeGreaterThan(500);
    const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(dashboard.url);
    await waitForKpis(page, expected.appeals);
    await checkKpis(page, expected);
    expect(await page.locator('[data-testid="range-label"]').textContent()).toContain(
      '2025年12月1日 – 2025年12月31日',
    );
    await page.locator('[data-testid="volume-trend"] svg').waitFor();
    expect(await page.locator('[data-testid="volume-trend-total"] strong').textContent()).toBe(
      count(expected.appeals),
    );

    // The formula shows on hover.
    await page.locator('[data-kpi="satisfactionRate"]').hover();
    await expect(page.locator('#kpi-formula-satisfactionRate').isVisible()).resolves.toBe(true);
    expect(await page.locator('#kpi-formula-satisfactionRate').textContent()).toContain('满意 + 基本满意');
    // Every panel drawn before the screenshot: none may show its error state.
    await page.locator('[data-testid="category-shares"] svg').first().waitFor();
    await page.waitForTimeout(600);
    expect(await page.locator('.widget-state.error').allTextContents()).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'overview.png'), fullPage: true });
    await page.close();
  });

  it('filters every widget and the URL when a category block is clicked', async () => {
    const [top] = await query<{ code: string; name: string; n: number }>(
      config,
      `SELECT t.category_l2 AS code, c.name_zh AS name, count(*)::INTEGER AS n
       FROM tickets t JOIN categories c ON c.code = t.category_l2
       WHERE received_at >= DATE '${MONTH.from}' AND received_at < DATE '${MONTH.to}' + 1
       GROUP BY ALL ORDER BY n DESC, code LIMIT 1`,
    );
    if (!top) throw new Error('no category');
    const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(dashboard.url);
    const block = page.locator('[data-testid="category-shares"] svg text', { hasText: top.name }).first();
    await block.waitFor();
    await block.click();
    await page.waitForURL((url) => url.searchParams.get('category') === top.code);
    const expected = await expectedKpis({ column: 'category_l2', code: top.code });
    expect(expected.appeals).toBe(top.n);
    await waitForKpis(page, expected.appeals);
    await checkKpis(page, expected);
    await page.locator('[data-testid="volume-trend-total"] strong', { hasText: count(top.n) }).waitFor();
    // The filter bar shows the choice: the category's first level and the second level itself.
    expect(await page.locator('select').nth(2).inputValue()).toBe(top.code.slice(0, 2));
    expect(await page.locator('select').nth(3).inputValue()).toBe(top.code);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'overview-category.png'), fullPage: true });
    await page.close();
  });

  it('switches to English and to large text, keeping the filters', async () => {
    const expected = await expectedKpis({ column: 'category_l1', code: '02' });
    const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${dashboard.url}/?category=02`);
    await waitForKpis(page, expected.appeals);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Overview' }).waitFor();
    expect(await page.locator('[data-kpi="appeals"] h3').textContent()).toBe('Appeals received');
    expect(await page.locator('[data-kpi="appeals"] .kpi-value').textContent()).toBe(
      new Intl.NumberFormat('en-US').format(expected.appeals),
    );
    expect(new URL(page.url()).searchParams.get('category')).toBe('02');
    await page.locator('[data-testid="category-shares"] svg').waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'overview-english.png'), fullPage: true });

    await page.getByRole('button', { name: 'Large text' }).click();
    await page.locator('html[data-text="large"]').waitFor();
    const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(Number.parseFloat(size)).toBeGreaterThan(17);
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'overview-large-text.png'), fullPage: true });
    await page.close();
  });

  it('says so when the filters match nothing, and shows the server message for a bad filter', async () => {
    const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${dashboard.url}/?from=2019-01-01&to=2019-01-31`);
    await page.locator('[data-testid="volume-trend"] .widget-state.empty').waitFor();
    await page.goto(`${dashboard.url}/?category=abc`);
    const error = page.locator('[data-testid="kpi-cards"], .widget-state.error').first();
    await error.waitFor();
    expect(await page.locator('.widget-state.error').first().textContent()).toContain('category');
    await page.close();
  });

  it('sends small answers uncompressed and gzips large ones', async () => {
    const ask = async (url: string) => {
      const response = await dashboard.fetch(`${dashboard.url}${url}`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(response.status, url).toBe(200);
      const text = await response.text();
      return {
        bytes: text.length,
        text,
        encoding: response.headers.get('content-encoding'),
        cache: response.headers.get('x-cache'),
      };
    };
    // A month's data-quality notes are a few numbers; two years of daily appeals by category are tens of KB.
    const small = await ask(`/api/data-quality?from=${MONTH.from}&to=${MONTH.to}`);
    const large = await ask(
      '/api/metric-trend?from=2024-01-01&to=2025-12-31&metric=appeals&split=category&grain=day',
    );
    expect(small.bytes).toBeLessThan(1000);
    expect(small.encoding).toBeNull();
    expect(large.bytes).toBeGreaterThan(20_000);
    expect(large.encoding).toBe('gzip');
    // Served again from memory (Next gzips it again: it drops a route's own Content-Encoding), the same answer.
    const again = await ask(
      '/api/metric-trend?from=2024-01-01&to=2025-12-31&metric=appeals&split=category&grain=day',
    );
    expect(again.cache).toBe('hit');
    expect(again.encoding).toBe('gzip');
    expect(JSON.parse(again.text)).toEqual(JSON.parse(large.text));
  });
});
