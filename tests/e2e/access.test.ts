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

/** The title bar and the filter bar, for screenshots of the frame. */
const TOP = { x: 0, y: 0, width: 1280, height: 150 };

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
    // The refusal in the reader's language, not the API's two-language message.
    await expect(leader.locator('.not-allowed p').first().textContent()).resolves.toBe(
      '本角色只能查看汇总数据',
    );
    await leader.screenshot({ path: path.join(SCREENSHOT_DIR, 'access-leadership-tickets.png') });
    await leader.close();
    const office = await signInPage(accounts.office.username, accounts.office.password, '/briefing/2025-12');
    await office.waitForURL(`${dashboard.url}/briefing/2025-12`);
    await expect(office.locator('.not-allowed p').first().textContent()).resolves.toBe(
      '本视图不能按辖区限定',
    );
    await office.close();
  });

  it("opens a district office's region choice on its own district, never on all regions", async () => {
    const [own] = await query<{ name: string }>(config, 'SELECT name FROM regions WHERE code = ?', [
      DISTRICT,
    ]);
    const others = (
      await query<{ name: string }>(config, 'SELECT name FROM regions WHERE level = 3 AND code <> ?', [
        DISTRICT,
      ])
    ).map((r) => r.name);
    expect(others.length).toBeGreaterThan(0);
    const streets = (
      await query<{ code: string }>(
        config,
        `SELECT DISTINCT town_code AS code FROM tickets WHERE county_code = ? AND town_code IS NOT NULL`,
        [DISTRICT],
      )
    ).map((r) => r.code);
    const page = await signInPage(accounts.office.username, accounts.office.password);
    await page.waitForURL(`${dashboard.url}/`);
    const district = page.getByLabel('区县');
    const street = page.getByLabel('街道/乡镇');
    const shown = (select: typeof district) =>
      select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
    expect(await shown(district)).toBe(own!.name);
    expect(await district.locator('option').allTextContents()).toEqual([own!.name]);
    // Below it, the district's streets (those with appeals) and nothing of another district.
    expect(await street.isEnabled()).toBe(true);
    const streetCodes = (
      await street.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    ).filter(Boolean);
    expect(streetCodes.length).toBeGreaterThan(0);
    expect(streetCodes.every((code) => code.startsWith(DISTRICT))).toBe(true);
    expect(streets).toEqual(expect.arrayContaining(streetCodes));
    const offered = [
      ...(await district.locator('option').allTextContents()),
      ...(await street.locator('option').allTextContents()),
    ];
    for (const name of [...others, '全部地区']) expect(offered).not.toContain(name);
    expect(await page.locator('.account-name').textContent()).toContain(own!.name);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'access-office-region.png'), clip: TOP });

    // A street narrows the view; the district choice still names the district.
    await street.selectOption(streetCodes[0]!);
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe(streetCodes[0]);
    expect(await shown(district)).toBe(own!.name);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Overview' }).waitFor();
    expect(await shown(page.getByLabel('District'))).toBe(own!.name);
    await page.close();
  });

  it('gives a street office one region choice, its street', async () => {
    const [street] = await query<{ code: string; name: string }>(
      config,
      `SELECT r.code, r.name FROM regions r
       WHERE r.level = 4 AND r.parent_code = ? AND EXISTS (SELECT 1 FROM tickets t WHERE t.town_code = r.code)
       ORDER BY r.code LIMIT 1`,
      [DISTRICT],
    );
    const account = await signIn('office', { region: street!.code }, 'jiedao', env);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, ...value] = account.cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: dashboard.url }]);
    const page = await context.newPage();
    await page.goto(dashboard.url);
    const choice = page.getByLabel('街道/乡镇');
    await choice.waitFor();
    expect(await choice.locator('option').allTextContents()).toEqual([street!.name]);
    expect(await page.getByLabel('区县').count()).toBe(0);
    expect(await page.locator('.account-name').textContent()).toContain(street!.name);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'access-street-office-region.png'), clip: TOP });
    await context.close();
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

/** The views the title bar offers: inline links and those behind 更多 / More, with where each one is drawn. */
async function headerLayout(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header') as HTMLElement;
    const box = (e: Element) => e.getBoundingClientRect();
    const line = [
      ...header.querySelectorAll('.brand, nav > a, .nav-more > button, .preferences button, .account > *'),
    ]
      .map(box)
      .map((r) => ({ top: r.top, bottom: r.bottom, right: r.right, middle: (r.top + r.bottom) / 2 }));
    const views = [...header.querySelectorAll('nav > a, .nav-more > button')].map(box);
    return {
      // The room the views have: from the brand's right to the buttons' left.
      viewsWithin: views.every(
        (r) =>
          r.left >= box(header.querySelector('.brand')!).right &&
          r.right <= box(header.querySelector('.preferences')!).left,
      ),
      headerRight: box(header).right,
      headerHeight: box(header).height,
      line,
      inline: [...header.querySelectorAll('nav > a')].map((a) => a.textContent),
      more: [...header.querySelectorAll('.nav-more-menu a')].map((a) => a.textContent),
      // Wider than itself when something in the bar sticks out (the page below may be wider for its own reasons).
      overflow: header.scrollWidth - header.clientWidth,
    };
  });
}

describe('the title bar', () => {
  const VIEWS = {
    zh: [
      '总览',
      '趋势',
      '热词',
      '地图',
      '部门考评',
      '预测',
      '项目建议',
      '办理质量',
      '派单建议',
      '诉求清单',
      '月报',
    ],
    en: [
      'Overview',
      'Trends',
      'Hot words',
      'Map',
      'Departments',
      'Forecasts',
      'Planning',
      'Handling',
      'Dispatch',
      'Tickets',
      'Briefing',
    ],
  };

  it.each([
    [1024, 'zh', 'normal'],
    [1280, 'zh', 'normal'],
    [1024, 'en', 'normal'],
    [1280, 'en', 'normal'],
    [1024, 'zh', 'large'],
    [1024, 'en', 'large'],
  ] as const)('holds one line at %i px in %s (%s text), every view reachable', async (width, lang, text) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    await context.addCookies([
      { name: 'atlas-lang', value: lang, url: dashboard.url },
      { name: 'atlas-text', value: text, url: dashboard.url },
      {
        name: 'hotline_session',
        value: accounts.admin.cookie.split('=').slice(1).join('='),
        url: dashboard.url,
      },
    ]);
    const page = await context.newPage();
    await page.goto(`${dashboard.url}/departments`);
    await page.evaluate(() => document.fonts.ready);
    await page.locator('.app-header nav[data-fitted]').waitFor();
    const layout = await headerLayout(page);
    const name = `header-${width}-${lang}${text === 'large' ? '-large' : ''}.png`;
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, name),
      clip: { x: 0, y: 0, width, height: 150 },
    });

    // One line: every item of the bar sits on the same middle line, inside the bar, and nothing sticks out of it.
    const middles = layout.line.map((r) => r.middle);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
    expect(Math.max(...layout.line.map((r) => r.right))).toBeLessThanOrEqual(layout.headerRight);
    expect(layout.overflow).toBe(0);
    expect(layout.viewsWithin).toBe(true);
    // Every view once, in order: inline first, the rest behind More.
    expect([...layout.inline, ...layout.more]).toEqual(VIEWS[lang]);
    // The first views stay in sight: four of them, or two in 大字版 English (a quarter larger, longer words).
    expect(layout.inline.length).toBeGreaterThanOrEqual(text === 'large' && lang === 'en' ? 2 : 4);

    if (layout.more.length > 0) {
      // The menu by keyboard: focus reaches the button, Enter opens it, Tab walks into it, Escape closes it.
      const more = page.locator('.nav-more > button');
      await more.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
      await page.locator('.nav-more-menu a').first().waitFor();
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, name.replace('.png', '-more.png')),
        clip: { x: 0, y: 0, width, height: 500 },
      });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(layout.more[0]);
      await page.keyboard.press('Escape');
      await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.closest('.nav-more') !== null)).toBe(true);
      // Enter on a view in the menu opens it (not the briefing: a document with its own layout), and the button
      // then shows that the current view is inside.
      const target = layout.more.findIndex((label) => label !== '月报' && label !== 'Briefing');
      if (target >= 0) {
        await page.keyboard.press('Enter');
        const link = page.locator('.nav-more-menu a').nth(target);
        const href = new URL((await link.getAttribute('href')) ?? '', dashboard.url).pathname;
        await link.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === href);
        await expect.poll(() => more.getAttribute('class')).toContain('holds-current');
      }
    }
    await context.close();
  });
});

describe('the sign-in page', () => {
  it('switches to English, labels every field in it, and keeps the choice for the dashboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${dashboard.url}/signin`);
    await expect(page.title()).resolves.toBe('登录 · 热线诉求分析');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'signin.png') });
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Hotline Atlas' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The title comes with the refreshed server render, which may land after the page's own text has switched.
    await expect.poll(() => page.title()).toBe('Sign in · Hotline Atlas');
    expect(await page.locator('.signin .muted').textContent()).toBe('Sign in to continue');
    expect(await page.locator('.signin label').allTextContents()).toEqual(['User name', 'Password']);
    expect(await page.locator('.signin form button').textContent()).toBe('Sign in');
    // No Chinese left on the card but the switch back (中文).
    const card = await page.locator('.signin').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelector('.signin-preferences')?.remove();
      return copy.textContent ?? '';
    });
    expect(card).not.toMatch(/\p{Script=Han}/u);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'signin-english.png') });

    // A wrong password: the message in English too.
    await page.getByLabel('User name').fill(accounts.analyst.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/signin\?/);
    expect(await page.locator('.signin .error').textContent()).toBe('Wrong user name or password.');

    // The choice is the dashboard's cookie: signing in opens the dashboard in English, and 中文 switches back here.
    await page.getByLabel('User name').fill(accounts.analyst.username);
    await page.getByLabel('Password').fill(accounts.analyst.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${dashboard.url}/`);
    await page.locator('h1', { hasText: 'Overview' }).waitFor();
    expect((await page.context().cookies()).find((c) => c.name === 'atlas-lang')?.value).toBe('en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('h1', { hasText: '总览' }).waitFor();
    await page.close();
  });
});
