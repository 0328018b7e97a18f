import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/**
 * The hot-words view on the sample city built with the classify and terms steps: July 2025 brings the planted
 * storm words; the table's numbers are checked against SQL on ticket_terms; the cloud renders with echarts 6;
 * a word opens the ticket list filtered to it, with the total an independent count gives.
 */
const tmp = makeTempDir('e2e-words');
const config = testConfig(tmp.dir);
let dashboard: RunningDashboard;
let browser: Browser;

const JULY = { from: '2025-07-01', to: '2025-07-31' };
const count = (value: number) => new Intl.NumberFormat('zh-CN').format(value);
const number = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

async function open(url: string): Promise<Page> {
  const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await page.goto(`${dashboard.url}${url}`);
  return page;
}

beforeAll(async () => {
  await load(sampleExports(), config, { analytics: ['classify', 'terms'] });
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

describe('hot words', () => {
  it('ranks the storm words of July with counts equal to SQL, and draws the cloud', async () => {
    const page = await open(`/words?from=${JULY.from}&to=${JULY.to}`);
    const table = page.locator('[data-testid="hot-words-table"]');
    await table.waitFor({ timeout: 30_000 });
    const terms = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-term')));
    expect(terms).toContain('停电');
    expect(terms).toContain('积水');
    const [flood] = await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM ticket_terms JOIN tickets USING (ticket_id)
       WHERE term = '积水' AND received_at >= DATE '${JULY.from}' AND received_at < DATE '${JULY.to}' + INTERVAL 1 DAY`,
    );
    const floodRow = table.locator('tbody tr[data-term="积水"] td');
    expect(number(await floodRow.nth(2).textContent())).toBe(flood?.n);
    expect(await floodRow.nth(2).textContent()).toBe(count(flood?.n ?? -1));
    // The cloud: echarts-wordcloud registered on echarts 6 draws each hot word as SVG text.
    const cloud = page.locator('[data-testid="word-cloud-panel"] svg');
    await cloud.waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800);
    const drawn = await cloud.locator('text').allTextContents();
    expect(drawn).toContain('积水');
    expect(drawn).toContain('停电');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'words-july.png'), fullPage: true });
    await page.close();
  });

  it('opens the tickets that contain a word', async () => {
    const page = await open(`/words?from=${JULY.from}&to=${JULY.to}`);
    await page.locator('[data-testid="hot-words-table"] tbody tr[data-term="停电"] a').click();
    await page.waitForURL(/\/tickets\?.*q=/, { timeout: 20_000 });
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('停电');
    expect(url.searchParams.get('from')).toBe(JULY.from);
    const [expected] = await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM tickets
       WHERE received_at >= DATE '${JULY.from}' AND received_at < DATE '${JULY.to}' + INTERVAL 1 DAY
         AND (title LIKE '%停电%' OR content LIKE '%停电%')`,
    );
    expect(expected?.n).toBeGreaterThan(0);
    await page
      .getByText(count(expected?.n ?? -1), { exact: false })
      .first()
      .waitFor({ timeout: 20_000 });
    // The list says it is filtered by the word, and the chip removes the filter.
    await expect(page.locator('[data-testid="text-filter"]').textContent()).resolves.toContain('停电');
    const titles = await page.locator('table tbody tr').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((row) => row.includes('停电'))).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'words-tickets.png') });
    await page.locator('[data-testid="text-filter"] button').click();
    await page.waitForURL((u) => !u.searchParams.has('q'), { timeout: 20_000 });
    await expect(page.locator('[data-testid="text-filter"]').count()).resolves.toBe(0);
    await page.close();
  });

  it('says so when no word rose, and lists the most frequent words instead', async () => {
    const page = await open('/words?from=2025-03-01&to=2025-03-31');
    await page.locator('[data-testid="hot-words-panel"]').waitFor({ timeout: 30_000 });
    const frequent = page.locator('[data-testid="frequent-words"] li');
    const table = page.locator('[data-testid="hot-words-table"]');
    await Promise.race([frequent.first().waitFor({ timeout: 30_000 }), table.waitFor({ timeout: 30_000 })]);
    if ((await table.count()) === 0) {
      expect(await frequent.count()).toBeGreaterThan(10);
      // The cloud then draws the frequent words, so the panel is never blank when there are tickets.
      const cloud = page.locator('[data-testid="word-cloud-panel"] svg');
      await cloud.waitFor({ timeout: 20_000 });
      await page.waitForTimeout(800);
      const drawn = await cloud.locator('text').allTextContents();
      expect(drawn).toContain(await frequent.first().locator('a').textContent());
      await expect(page.getByText('本期没有显著上升的词语').isVisible()).resolves.toBe(true);
    } else {
      // A month without a planted signal may still show a word or two by chance (5 % false discovery rate).
      expect(await table.locator('tbody tr').count()).toBeLessThanOrEqual(3);
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'words-march.png'), fullPage: true });
    await page.close();
  });
});
