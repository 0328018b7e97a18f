import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import type { Role } from '../../lib/auth/roles';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { signIn, type TestAccount } from '../support/session';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/**
 * Signing in through the real form as each role on `next start`: what each sees of the overview (screenshots), what
 * the navigation offers and what the server refuses, the lockout after repeated failures, and a page that runs
 * under its Content-Security-Policy without a violation.
 */
const tmp = makeTempDir('e2e-access');
const config = testConfig(tmp.dir);
const env = { HOTLINE_DB: config.databasePath, HOTLINE_SECRET_FILE: config.secretPath };
let dashboard: RunningDashboard;
let browser: Browser;
const MONTH = "received_at >= DATE '2025-12-01' AND received_at < DATE '2026-01-01'";
const DISTRICT = '511502';
let department: string;
const accounts = {} as Record<Role, TestAccount>;

beforeAll(async () => {
  await load(sampleExports(), config);
  await buildDashboard();
  dashboard = await startDashboard(env);
  [{ department }] = (await query<{ department: string }>(
    config,
    `SELECT department FROM tickets WHERE ${MONTH} AND department IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  )) as [{ department: string }];
  accounts.leadership = await signIn('leadership', {}, 'mayor', env);
  accounts.analyst = await signIn('analyst', {}, 'li.analyst', env);
  accounts.office = await signIn('office', { region: DISTRICT }, 'cuiping', env);
  accounts.department = await signIn('department', { department }, 'dept.user', env);
  accounts.admin = await signIn('admin', {}, 'root', env);
  browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  tmp.cleanup();
});

async function signInPage(username: string, password: string, target = '/'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${dashboard.url}${target}`);
  expect(new URL(page.url()).pathname).toBe('/signin');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

async function appeals(where: string, params: unknown[] = []): Promise<number> {
  const [row] = await query<{ n: number }>(
    config,
    `SELECT count(*)::INTEGER AS n FROM tickets WHERE ${MONTH} AND ${where}`,
    params,
  );
  return row!.n;
}

async function overviewAppeals(page: Page): Promise<string> {
  const card = page.locator('[data-kpi="appeals"]');
  await card.waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    () => document.querySelector('[data-kpi="appeals"]')?.getAttribute('data-value') !== '',
  );
  return (await card.getAttribute('data-value')) ?? '';
}

describe('signing in as each role', () => {
  it.each([
    ['leadership', 'true', 'false'],
    ['analyst', 'true', 'true'],
    ['office', 'county_code = ?', 'true'],
    ['department', 'department = ?', 'true'],
    ['admin', 'true', 'true'],
  ] as const)(
    '%s sees the overview of their scope and only the views their role allows',
    async (role, where, tickets) => {
      const account = accounts[role];
      const page = await signInPage(account.username, account.password);
      await page.waitForURL(`${dashboard.url}/`);
      const param = role === 'office' ? [DISTRICT] : role === 'department' ? [department] : [];
      expect(Number(await overviewAppeals(page))).toBe(await appeals(where, param));
      const nav = await page.locator('.app-header nav a').allTextContents();
      expect(nav.includes('诉求清单')).toBe(tickets === 'true');
      expect(nav.includes('月报')).toBe(role === 'leadership' || role === 'analyst' || role === 'admin');
      expect(await page.locator('.account-name').textContent()).toContain(account.username);
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `access-${role}.png`), fullPage: true });
      await page.close();
    },
  );

  it('keeps leadership out of the ticket list and a district office out of the briefing, on the server', async () => {
    const leader = await signInPage(accounts.leadership.username, accounts.leadership.password, '/tickets');
    await leader.waitForURL(`${dashboard.url}/tickets`);
    await expect(leader.locator('.not-allowed h1').textContent()).resolves.toBe('无权查看');
    await leader.screenshot({ path: path.join(SCREENSHOT_DIR, 'access-leadership-tickets.png') });
    await leader.close();
    const office = await signInPage(accounts.office.username, accounts.office.password, '/briefing/2025-12');
    await office.waitForURL(`${dashboard.url}/briefing/2025-12`);
    await expect(office.locator('.not-allowed').textContent()).resolves.toContain('city-wide');
    // The district choice offers only the office's own district.
    await office.goto(dashboard.url);
    const districts = await office.locator('select').nth(0).locator('option').allTextContents();
    expect(districts).toEqual(['全部地区', expect.stringContaining('翠屏区')]);
    await office.close();
  });

  it('locks the account after five wrong passwords and says for how long', async () => {
    const victim = await signIn('analyst', {}, 'guessed', env);
    let page: Page | null = null;
    for (let i = 0; i < 5; i++) {
      await page?.close();
      page = await signInPage('guessed', `wrong-password-${i}`);
      await page.waitForURL(/\/signin\?/);
    }
    await expect(page!.locator('.error').textContent()).resolves.toContain('账户已临时锁定');
    await page!.close();
    const right = await signInPage('guessed', victim.password);
    await right.waitForURL(/\/signin\?/);
    await expect(right.locator('.error').textContent()).resolves.toContain('请 1 分钟后再试');
    await right.screenshot({ path: path.join(SCREENSHOT_DIR, 'access-lockout.png') });
    await right.close();
  });

  it('runs the overview and the map under the Content-Security-Policy without a single violation', async () => {
    const page = await signInPage(accounts.analyst.username, accounts.analyst.password);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.waitForURL(`${dashboard.url}/`);
    const response = await page.goto(`${dashboard.url}/map`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain('unsafe-eval');
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await page.locator('.leaflet-container').waitFor();
    await page.waitForTimeout(1500);
    await page.goto(`${dashboard.url}/words`);
    await page.waitForTimeout(1500);
    expect(violations).toEqual([]);
    await page.close();
  });
});
