import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cellToParent, latLngToCell } from 'h3-js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/**
 * The map on the sample city, with the hotspot analytics: boundaries and hexagons drawn with no network, a
 * hexagon's and a district's panel against independent SQL on `tickets`, the choropleth per 10,000 residents, the
 * time slider narrowing the layer to a month, heat and clustered tickets, the planted flooding site among the
 * ranked hotspots of street flooding, and English.
 */
const tmp = makeTempDir('e2e-map');
const config = testConfig(tmp.dir);
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  hotspots: { persistent: { id: string; center: [number, number] }[] };
};
const flooding = truth.hotspots.persistent.find((h) => h.id === 'flooding')!;
let dashboard: RunningDashboard;
let browser: Browser;

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const MAP = `/map?from=${YEAR.from}&to=${YEAR.to}`;
const count = (value: number) => new Intl.NumberFormat('zh-CN').format(value);
const inDays = (from: string, to: string) =>
  `received_at >= DATE '${from}' AND received_at < DATE '${to}' + INTERVAL 1 DAY`;

/** Requests that left the machine: the map must work with no network. */
const outside: string[] = [];

async function open(url: string, height = 1000): Promise<Page> {
  // Tall viewports instead of full-page screenshots: Chromium repaints Leaflet's panes in patches while a
  // full-page capture resizes the window.
  const page = await dashboard.newPage(browser, { viewport: { width: 1400, height } });
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(dashboard.url) && !/^(data|blob):/.test(target)) outside.push(target);
  });
  await page.goto(`${dashboard.url}${url}`);
  await page.locator('.map-canvas[data-ready="true"]').waitFor({ timeout: 30_000 });
  return page;
}

/** Before a screenshot: nothing loading, and time for Leaflet's animations and Chromium's repaint to finish. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
}

beforeAll(async () => {
  await load(sampleExports(), config, { analytics: ['hotspots'] });
  await buildDashboard();
  dashboard = await startDashboard({
    HOTLINE_DB: config.databasePath,
    HOTLINE_SECRET_FILE: config.secretPath,
  });
  browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  tmp.cleanup();
});

describe('map', () => {
  it('draws the districts and hexagons offline, and a clicked hexagon opens its numbers', async () => {
    const page = await open(MAP);
    await page.locator('path[data-region]').first().waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.locator('path[data-region]').count()).toBe(10);
    await page.locator('path[data-hexagon]').first().waitFor({ state: 'attached', timeout: 20_000 });
    const [busiest] = await query<{ cell: string; n: number }>(
      config,
      `SELECT lower(hex(h3_r6)) AS cell, count(*)::INTEGER AS n FROM tickets
       WHERE ${inDays(YEAR.from, YEAR.to)} AND h3_r6 IS NOT NULL GROUP BY 1 ORDER BY n DESC, cell LIMIT 1`,
    );
    const hexagon = page.locator(`path[data-hexagon="${busiest!.cell}"]`);
    expect(await hexagon.count()).toBe(1);
    expect(await page.locator('[data-testid="map-legend"]').textContent()).toContain('诉求量');
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-hexagons.png') });

    await hexagon.click({ force: true });
    const panel = page.locator('[data-testid="place-panel"]');
    await panel.locator('[data-testid="place-total"]').waitFor({ timeout: 20_000 });
    expect(await panel.locator('[data-testid="place-total"]').textContent()).toBe(count(busiest!.n));
    const [top] = await query<{ name: string; n: number }>(
      config,
      `SELECT c.name_zh AS name, count(*)::INTEGER AS n FROM tickets t JOIN categories c ON c.code = t.category_l1
       WHERE ${inDays(YEAR.from, YEAR.to)} AND lower(hex(h3_r6)) = ? GROUP BY 1 ORDER BY n DESC, name LIMIT 1`,
      [busiest!.cell],
    );
    const firstCategory = panel.locator('[data-testid="place-categories"] li').first();
    expect(await firstCategory.textContent()).toBe(`${top!.name}${count(top!.n)}`);
    const tickets = new URL(
      (await panel.locator('[data-testid="place-tickets-link"]').getAttribute('href'))!,
      dashboard.url,
    );
    expect(Object.fromEntries(tickets.searchParams)).toEqual({ ...YEAR, cell: busiest!.cell });
    const trends = new URL(
      (await panel.locator('[data-testid="place-trends-link"]').getAttribute('href'))!,
      dashboard.url,
    );
    expect(trends.pathname).toBe('/trends');
    expect(trends.searchParams.get('region')).toMatch(/^5115\d{2}(\d{3})?$/);
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-hexagon-panel.png') });

    // The ticket list takes the cell: its total is the hexagon's.
    await panel.locator('[data-testid="place-tickets-link"]').click();
    await page.waitForURL((url) => url.pathname === '/tickets');
    await page
      .locator(`[data-testid="ticket-total"][data-total="${busiest!.n}"]`)
      .waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid="cell-filter"]').textContent()).toContain(busiest!.cell);
    await page.close();
  });

  it('colours districts raw and per 10,000 residents, and the slider narrows them to a month', async () => {
    const page = await open(`${MAP}&layer=regions`);
    const districts = await query<{ code: string; n: number }>(
      config,
      `SELECT county_code AS code, count(*)::INTEGER AS n FROM tickets
       WHERE ${inDays(YEAR.from, YEAR.to)} AND county_code IS NOT NULL GROUP BY 1`,
    );
    const cuiping = districts.find((d) => d.code === '511502')!;
    const row = page.locator(
      '[data-testid="region-ranking"] li[data-code="511502"] [data-testid="region-value"]',
    );
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toBe(count(cuiping.n));
    expect(await page.locator('path[data-region="511502"]').getAttribute('fill')).not.toBe('#e5e7eb');
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-districts.png') });

    await page.getByRole('button', { name: '每万人', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('measure') === 'per10k');
    await expect
      .poll(() => row.textContent())
      .toBe((Math.round((cuiping.n * 100_000) / 887_359) / 10).toFixed(1));
    expect(
      await page
        .locator('[data-testid="region-ranking"] li[data-code="511503"] [data-testid="region-value"]')
        .textContent(),
    ).toBe('—');
    await page.getByRole('button', { name: '诉求量', exact: true }).click();

    // Three steps right on the monthly slider, quickly: March.
    await page.locator('[data-testid="map-time"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-testid="map-time"]').inputValue()).toBe('3');
    await page.waitForURL((url) => url.searchParams.get('t') === '2025-03-01');
    const [march] = await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM tickets WHERE ${inDays('2025-03-01', '2025-03-31')} AND county_code = '511502'`,
    );
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toBe(count(march!.n));
    expect(await page.locator('[data-testid="map-time-label"]').textContent()).toContain('2025');

    // A district clicked on the map opens its panel with the same month's figures.
    await page.locator('path[data-region="511504"]').click({ force: true });
    const [xuzhou] = await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM tickets WHERE ${inDays(YEAR.from, YEAR.to)} AND county_code = '511504'`,
    );
    const total = page.locator('[data-testid="place-panel"] [data-testid="place-total"]');
    await total.waitFor({ timeout: 20_000 });
    // The panel covers the filters' whole range, not only the slider's month.
    expect(await total.textContent()).toBe(count(xuzhou!.n));
    expect(await page.locator('[data-testid="place-panel"] h2').textContent()).toBe('叙州区');
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-district-panel.png') });
    await page.close();
  });

  it('draws heat, and clustered tickets once zoomed in', async () => {
    const page = await open(`${MAP}&layer=heat`);
    await page.locator('canvas.leaflet-heatmap-layer').waitFor({ state: 'attached', timeout: 20_000 });
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-heat.png') });

    await page.getByRole('button', { name: '单件诉求', exact: true }).click();
    const note = page.locator('[data-testid="map-note"]');
    await note.waitFor();
    expect(await note.textContent()).toContain('14 级');
    await note.getByRole('button', { name: '放大' }).click();
    await page.locator('.marker-cluster, path.leaflet-interactive').first().waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.locator('[data-testid="map-status"]').textContent(), { timeout: 20_000 })
      .toMatch(/视野内 [\d,]+ 件/);
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-points.png') });
    await page.close();
  });

  it('ranks the planted flooding site among the hotspots of street flooding', async () => {
    const page = await open(`${MAP}&layer=hotspots&category=0104`, 1800);
    const entries = page.locator('[data-testid="hotspot-entry"]');
    await entries.first().waitFor({ timeout: 30_000 });
    const site = cellToParent(latLngToCell(flooding.center[1], flooding.center[0], 10), 8);
    const cells = await entries.evaluateAll((items) => items.map((li) => li.getAttribute('data-cell')));
    expect(cells).toContain(site);
    const entry = page.locator(`[data-testid="hotspot-entry"][data-cell="${site}"]`);
    expect(['persistent', 'seasonal', 'intensifying', 'consecutive']).toContain(
      await entry.getAttribute('data-class'),
    );
    expect(await entry.textContent()).toContain('翠屏区');
    expect(await entry.locator('[data-testid="sparkline"] circle').count()).toBeGreaterThan(0);
    expect(await page.locator(`path[data-hotspot="${site}"]`).count()).toBe(1);
    expect(await page.locator('[data-testid="map-legend"]').textContent()).toContain('热点');
    await entry.locator('button').first().click();
    await page
      .locator('[data-testid="place-panel"] [data-testid="place-total"]')
      .waitFor({ timeout: 20_000 });
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-hotspots.png') });
    await page.close();
  });

  it('switches to English, keeping the layer, with nothing fetched from outside', async () => {
    const page = await open(`${MAP}&layer=regions`);
    await page.locator('[data-testid="region-ranking"]').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Map' }).waitFor();
    expect(
      await page.getByRole('button', { name: 'Districts', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    await page.locator('[data-testid="region-ranking"] h2', { hasText: 'Appeals by district' }).waitFor();
    expect(new URL(page.url()).searchParams.get('layer')).toBe('regions');
    await settle(page);
    // Chromium repaints the page in patches for a moment after the language refresh.
    await page.waitForTimeout(2500);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-english.png') });
    await page.close();
    expect(outside).toEqual([]);
  });
});
