import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/**
 * The planners' view on the sample city with the recurring step: the planted flooding crossing and noisy market
 * ranked at the top, a candidate's evidence, the weights in the URL, and the workflow: mark adopted, reload, still
 * adopted (stored in the application database, apart from the warehouse).
 */
const tmp = makeTempDir('e2e-planning');
const config = testConfig(tmp.dir);
let dashboard: RunningDashboard;
let browser: Browser;

const RANGE = 'from=2024-01-01&to=2025-12-31';

async function open(url: string): Promise<Page> {
  const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await page.goto(`${dashboard.url}${url}`);
  await page.locator('[data-testid="planning-candidates"] li').first().waitFor({ timeout: 30_000 });
  return page;
}

beforeAll(async () => {
  await load(sampleExports(), config, { analytics: ['recurring'] });
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

describe('planning', () => {
  it('ranks the planted problems first and shows a candidate’s evidence', async () => {
    const [flooding] = await query<{ issue_id: string; tickets: number }>(
      config,
      "SELECT issue_id, tickets FROM recurring_issues WHERE kind = 'place' AND category_l2 = '0104' ORDER BY tickets DESC",
    );
    const page = await open(`/planning?${RANGE}`);
    const top = await page
      .locator('[data-testid="planning-candidates"] li button')
      .evaluateAll((buttons) => buttons.slice(0, 2).map((b) => b.getAttribute('data-issue')));
    expect(top).toContain(flooding!.issue_id);
    await page.locator(`button[data-issue="${flooding!.issue_id}"]`).click();
    const detail = page.locator('[data-testid="candidate-detail"]');
    await detail.locator('[data-testid="planning-samples"] li').first().waitFor();
    expect(await detail.locator('[data-testid="suggested-project"]').textContent()).toContain('排水');
    expect(await detail.textContent()).toContain(`${flooding!.tickets} 件`);
    expect(page.url()).toContain(`candidate=${encodeURIComponent(flooding!.issue_id)}`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'planning-candidate.png'), fullPage: true });
    await page.close();
  });

  it('marks a candidate adopted, and it is still adopted after a reload', async () => {
    const page = await open(`/planning?${RANGE}`);
    const first = page.locator('[data-testid="planning-candidates"] li button').first();
    const issue = await first.getAttribute('data-issue');
    await first.click();
    const form = page.locator('[data-testid="workflow-form"]');
    await form.locator('select[name="status"]').selectOption('adopted');
    await form.locator('input[name="date"]').fill('2025-07-01');
    await form.locator('input[name="note"]').fill('纳入七月民生实事');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => form.locator('[data-testid="workflow-status"]').textContent(), { timeout: 10_000 })
      .toContain('已采纳');
    await page.reload();
    const status = page.locator('[data-testid="workflow-status"]');
    await status.waitFor();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('纳入七月民生实事');
    expect(await status.textContent()).toContain('已采纳');
    expect(page.url()).toContain(encodeURIComponent(issue!));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'planning-adopted.png'), fullPage: true });
    await page.close();
  });

  it('reorders the candidates when only growth counts', async () => {
    const zero = 'w_volume=0&w_persistence=0&w_repeat=0&w_unresolved=0&w_unsatisfied=0&w_spread=0&w_growth=5';
    const page = await open(`/planning?${RANGE}&${zero}`);
    const firstIssue = await page
      .locator('[data-testid="planning-candidates"] li button')
      .first()
      .getAttribute('data-issue');
    expect(firstIssue).toMatch(/^place:0201:/);
    expect(await page.locator('[data-testid="weight-growth"]').inputValue()).toBe('5');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'planning-growth.png'), fullPage: true });
    // 一人多诉: the planted repeat callers, 20 of them.
    await page.locator('[data-testid="planning-kinds"]').selectOption('caller');
    await expect
      .poll(() =>
        page.locator('[data-testid="planning-candidates"] li button').first().getAttribute('data-issue'),
      )
      .toMatch(/^caller:/);
    expect(await page.locator('[data-testid="planning-candidates"] li').count()).toBe(20);
    await page.close();
  });
});
