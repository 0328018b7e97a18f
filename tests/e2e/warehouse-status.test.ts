import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/** The first screen a user sees after `npm run demo`: numbers on it come from the warehouse. */
const tmp = makeTempDir('e2e-status');
const config = testConfig(tmp.dir);
let dashboard: RunningDashboard;
let browser: Browser;

beforeAll(async () => {
  await load(sampleExports(), config);
  await buildDashboard();
  dashboard = await startDashboard(
    {
      HOTLINE_DB: config.databasePath,
      HOTLINE_SECRET_FILE: config.secretPath,
    },
    { role: 'admin' },
  );
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  tmp.cleanup();
});

describe('warehouse status page', () => {
  it('shows the ticket total and each channel as counted in the warehouse', async () => {
    const channels = await query<{ channel: string; n: number }>(
      config,
      'SELECT channel, count(*)::INTEGER AS n FROM tickets GROUP BY 1 ORDER BY 2 DESC',
    );
    const total = channels.reduce((sum, c) => sum + c.n, 0);
    const page = await dashboard.newPage(browser, { viewport: { width: 1200, height: 800 } });
    await page.goto(`${dashboard.url}/status`);
    await expect(page.locator('.subtitle').textContent()).resolves.toBe(
      `数据仓库共 ${total.toLocaleString('zh-CN')} 件诉求，来自 ${channels.length} 个渠道`,
    );
    const rows = await page.locator('table').first().locator('tbody tr').allTextContents();
    expect(rows).toEqual(
      channels.map((c) => expect.stringContaining(`${c.channel}${c.n.toLocaleString('zh-CN')}`)),
    );
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warehouse-status.png'), fullPage: true });
    await page.close();
  });

  it('says how to build a warehouse when there is none', async () => {
    const empty = await startDashboard({ HOTLINE_DB: path.join(tmp.dir, 'missing.duckdb') });
    try {
      const page = await empty.newPage(browser);
      await page.goto(empty.url);
      await expect(page.locator('.notice').textContent()).resolves.toContain('npm run etl -- demo');
      await page.close();
    } finally {
      await empty.stop();
    }
  });
});
