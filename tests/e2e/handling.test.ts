import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/**
 * The handling-quality view and the dispatch suggestion page on the sample city with the handling step: the
 * planted bounce pair at the top with its count from SQL on `tickets`, the planted fast closer first by reopened
 * closures, English, and a pasted appeal answered with suggested units, supporting tickets and the backtest.
 */
const tmp = makeTempDir('e2e-handling');
const config = testConfig(tmp.dir);
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  handlingQuality: { bouncePair: { units: [string, string] }; fastCloser: { department: string } };
};
let dashboard: RunningDashboard;
let browser: Browser;

const RANGE = 'from=2024-01-01&to=2025-12-31';

async function open(url: string, ready: string): Promise<Page> {
  const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await page.goto(`${dashboard.url}${url}`);
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  return page;
}

beforeAll(async () => {
  await load(sampleExports(), config, { analytics: ['handling'] });
  await buildDashboard();
  dashboard = await startDashboard({
    HOTLINE_DB: config.databasePath,
    HOTLINE_SECRET_FILE: config.secretPath,
    HOTLINE_APP_DB: path.join(tmp.dir, 'app', 'events.jsonl'),
  });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  tmp.cleanup();
});

describe('handling quality', () => {
  it('ranks the planted bounce pair first with its count from the tickets, and the fast closer first', async () => {
    const [a, b] = [...truth.handlingQuality.bouncePair.units].sort() as [string, string];
    const [count] = await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM tickets
       WHERE (coalesce(returned, false) OR coalesce(dispatch_count, 1) > 1)
         AND ((department = ? AND list_contains(co_departments, ?)) OR (department = ? AND list_contains(co_departments, ?)))`,
      [a, b, b, a],
    );
    const page = await open(`/handling?${RANGE}`, '[data-testid="bounce-pair-list"] li');
    const first = page.locator('[data-testid="bounce-pair-list"] li').first();
    expect(await first.getAttribute('data-units')).toBe(`${a}|${b}`);
    expect(await first.locator('[data-testid="bounced-tickets"]').textContent()).toBe(String(count!.n));
    expect(await first.textContent()).toContain('餐饮油烟');
    await page.locator('[data-testid="unit-closures"] tbody tr').first().waitFor();
    expect(
      await page.locator('[data-testid="unit-closures"] tbody tr').first().getAttribute('data-unit'),
    ).toBe(truth.handlingQuality.fastCloser.department);
    await page.locator('[data-testid="escalation-summary"]').waitFor();
    await page.locator('[data-testid="bounce-pairs"] svg').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'handling.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Handling quality' }).waitFor();
    expect(await page.locator('[data-testid="bounce-pairs"] h2').textContent()).toBe(
      'Units bouncing tickets between them',
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'handling-english.png'), fullPage: true });
    await page.close();
  });

  it('writes every unit of the Sankey once, with no two names overlapping, in normal and large text', async () => {
    for (const text of ['normal', 'large'] as const) {
      const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 1000 } });
      await page.context().addCookies([{ name: 'atlas-text', value: text, url: dashboard.url }]);
      await page.goto(`${dashboard.url}/handling?${RANGE}`);
      await page.locator('[data-testid="bounce-pair-list"] li').first().waitFor({ timeout: 30_000 });
      const units = new Set(
        (
          await page
            .locator('[data-testid="bounce-pair-list"] li')
            .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-units') ?? ''))
        ).flatMap((pair) => pair.split('|')),
      );
      // Every unit's name (cut with … where its column has no more room), once, drawn inside the chart.
      const labels = async () =>
        page.locator('[data-testid="bounce-sankey"] svg').evaluate((svg) => {
          const box = svg.getBoundingClientRect();
          const frame = { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
          return [...svg.querySelectorAll('text')]
            .filter((t) => (t.textContent ?? '').trim() !== '')
            .map((t) => {
              const r = t.getBoundingClientRect();
              return {
                text: t.textContent ?? '',
                left: r.left,
                right: r.right,
                top: r.top,
                bottom: r.bottom,
                frame,
              };
            });
        });
      await expect.poll(async () => (await labels()).length, { timeout: 15_000 }).toBe(units.size);
      await page.waitForTimeout(600);
      const drawn = await labels();
      for (const label of drawn) {
        const full = [...units].find(
          (u) => u === label.text || (label.text.endsWith('…') && u.startsWith(label.text.slice(0, -1))),
        );
        expect(full, label.text).toBeDefined();
        expect(label.left).toBeGreaterThanOrEqual(label.frame.left);
        expect(label.right).toBeLessThanOrEqual(label.frame.right + 0.5);
        expect(label.top).toBeGreaterThanOrEqual(label.frame.top);
        expect(label.bottom).toBeLessThanOrEqual(label.frame.bottom + 0.5);
      }
      const overlapping = drawn.flatMap((a, i) =>
        drawn
          .slice(i + 1)
          .filter(
            (b) =>
              a.left < b.right - 0.5 &&
              b.left < a.right - 0.5 &&
              a.top < b.bottom - 0.5 &&
              b.top < a.bottom - 0.5,
          )
          .map((b) => `${a.text} / ${b.text}`),
      );
      expect(overlapping).toEqual([]);
      // The panel from the top of the page, so the sticky filter bar is not drawn over it.
      await page.evaluate(() => window.scrollTo(0, 0));
      const panel = (await page.locator('[data-testid="bounce-pairs"]').boundingBox())!;
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, `handling-sankey${text === 'large' ? '-large' : ''}.png`),
        fullPage: true,
        clip: panel,
      });
      await page.close();
    }
  });

  it('keeps the reopen window and the breakdown in the URL', async () => {
    const page = await open(`/handling?${RANGE}`, '[data-testid="unit-closures"] tbody tr');
    await page.locator('[data-testid="reopen-window"]').selectOption('7');
    await expect.poll(() => page.url()).toContain('window=7');
    await page.locator('[data-testid="handling-by"]').selectOption('unit');
    await expect.poll(() => page.url()).toContain('by=unit');
    expect(page.url()).toContain('window=7');
    await page.locator('[data-testid="handling-rates"] th', { hasText: '按承办单位' }).waitFor();
    await page.close();
  });
});

describe('dispatch suggestion', () => {
  it('suggests the power company for a power cut, with past tickets and the backtest accuracy', async () => {
    const [bt] = await query<{ top3: number }>(config, 'SELECT top3 FROM dispatch_backtest');
    const page = await open('/dispatch', '[data-testid="dispatch-text"]');
    await expect
      .poll(() => page.locator('[data-testid="dispatch-accuracy"]').textContent(), { timeout: 15_000 })
      .toContain(`前三命中率 ${(bt!.top3 * 100).toFixed(1)}%`);
    await page
      .locator('[data-testid="dispatch-text"]')
      .fill('我们小区从昨晚开始一直停电，冰箱里的东西都坏了，请尽快抢修。');
    await page.locator('[data-testid="dispatch-submit"]').click();
    const first = page.locator('[data-testid="dispatch-suggestions"] > ol > li').first();
    await first.waitFor({ timeout: 20_000 });
    expect(await first.getAttribute('data-unit')).toBe('国网宜宾供电公司');
    expect(await first.locator('ul li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dispatch.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Dispatch suggestion' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dispatch-english.png'), fullPage: true });
    await page.close();
  });
});
