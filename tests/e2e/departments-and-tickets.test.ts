import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { parseCsv } from '../support/csv';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/**
 * The departments view (考评) and the ticket list on the sample city: counts and rates against independent SQL on
 * `tickets` (not the rollup the views read), the planted late department at the bottom, cross-filtering by a
 * department, server-side sorting and paging, the CSV export, English, and the empty list.
 */
const tmp = makeTempDir('e2e-departments');
const config = testConfig(tmp.dir);
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  lateDepartment: { name: string };
};
let dashboard: RunningDashboard;
let browser: Browser;

const YEAR = 'from=2025-01-01&to=2025-12-31';
const IN_YEAR = `received_at >= DATE '2025-01-01' AND received_at < DATE '2026-01-01'`;
const count = (value: number) => new Intl.NumberFormat('zh-CN').format(value);
const share = (value: number) =>
  new Intl.NumberFormat('zh-CN', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);

async function open(url: string): Promise<Page> {
  const page = await dashboard.newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${dashboard.url}${url}`);
  return page;
}

async function ids(sql: string): Promise<string[]> {
  return (await query<{ id: string }>(config, sql)).map((r) => r.id);
}

const ranked = (page: Page) => page.locator('[data-testid="scorecard-table"] > tbody').first().locator('tr');
const ticketRows = (page: Page) => page.locator('[data-testid="ticket-table"] tbody > tr');
const waitForTotal = (page: Page, total: number) =>
  page.locator(`[data-testid="ticket-total"][data-total="${total}"]`).waitFor({ timeout: 20_000 });
const waitForFirstTicket = (page: Page, id: string) =>
  page.locator(`[data-testid="ticket-table"] tbody > tr:first-child[data-ticket-id="${id}"]`).waitFor();

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

describe('departments (考评)', () => {
  it('ranks departments with ticket counts and on-time rates equal to an independent count', async () => {
    const exact = new Map(
      (
        await query<{ department: string; tickets: number; onTime: number }>(
          config,
          `SELECT department, count(*)::INTEGER AS tickets,
                  count(*) FILTER (WHERE status = 'closed' AND closed_at <= due_at)
                    / count(*) FILTER (WHERE status = 'closed' AND due_at IS NOT NULL AND closed_at IS NOT NULL)
                    AS "onTime"
           FROM tickets WHERE ${IN_YEAR} AND department IS NOT NULL GROUP BY 1`,
        )
      ).map((r) => [r.department, r]),
    );
    const page = await open(`/departments?${YEAR}`);
    await ranked(page).first().waitFor({ timeout: 20_000 });
    for (let i = 0; i < 5; i++) {
      const row = ranked(page).nth(i);
      expect(await row.getAttribute('data-rank')).toBe(String(i + 1));
      const expected = exact.get((await row.getAttribute('data-department')) ?? '');
      if (!expected) throw new Error(`row ${i + 1}: a department SQL does not know`);
      expect(await row.locator('[data-col="tickets"]').textContent()).toBe(count(expected.tickets));
      expect(await row.locator('[data-col="onTimeRate"]').textContent()).toBe(share(expected.onTime));
    }
    // Departments under 20 tickets are listed after the separator, unranked.
    const small = [...exact.values()].filter((r) => r.tickets < 20).length;
    expect(await page.locator('[data-testid="unranked"] tr.separator').textContent()).toContain(
      `以下 ${small} 个部门件数不足 20 件`,
    );

    // The planted late department is last by score, and first when sorted by on-time rate, lowest first.
    const rankedCount = await ranked(page).count();
    expect(await ranked(page).last().getAttribute('data-department')).toBe(truth.lateDepartment.name);
    expect(truth.lateDepartment.name).toBe('市住房城乡建设局');
    const onTime = page.locator('th', { has: page.getByRole('button', { name: '按期办结率' }) });
    await onTime.getByRole('button').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'onTimeRate');
    expect(await onTime.getAttribute('aria-sort')).toBe('descending');
    await onTime.getByRole('button').press('Enter');
    await page.locator('th[aria-sort="ascending"]', { hasText: '按期办结率' }).waitFor();
    expect(await ranked(page).first().getAttribute('data-department')).toBe(truth.lateDepartment.name);
    expect(await ranked(page).count()).toBe(rankedCount);
    const chartNames = page.locator('[data-testid="on-time-bottom"] svg text', {
      hasText: truth.lateDepartment.name,
    });
    await chartNames.first().waitFor();

    // The formula shows on hover, and the footnote says in words what weighs more.
    await page.locator('th.score-header button').hover();
    expect(await page.locator('#department-score-formula').isVisible()).toBe(true);
    expect(await page.locator('#department-score-formula').textContent()).toContain('复杂度');
    expect(await page.locator('[data-testid="scorecard"] .footnote').textContent()).toContain(
      '跨部门办理、督办/提级、重复诉求',
    );
    await page.goto(`${dashboard.url}/departments?${YEAR}`);
    await page.locator('[data-testid="overdue-table"]').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(600);
    // Every column fits a 1280 px screen: the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'departments.png'), fullPage: true });
    await page.close();
  });

  it('filters to a department when its name is clicked, and links its overdue count to those tickets', async () => {
    const name = truth.lateDepartment.name;
    const [row] = await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM tickets WHERE ${IN_YEAR} AND department = '${name}' AND overdue`,
    );
    const page = await open(`/departments?${YEAR}`);
    await page.getByRole('button', { name, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('dept') === name);
    await page.locator('[data-testid="scorecard-table"] tbody tr[data-department]').first().waitFor();
    expect(await page.locator('[data-testid="scorecard-table"] tbody tr[data-department]').count()).toBe(1);
    await page.locator('[data-testid="overdue-all"]', { hasText: count(row!.n) }).waitFor();
    await page.locator(`tr[data-department="${name}"] [data-col="overdue"] a`).click();
    await page.waitForURL((url) => url.pathname === '/tickets' && url.searchParams.get('flag') === 'overdue');
    expect(new URL(page.url()).searchParams.get('dept')).toBe(name);
    await waitForTotal(page, row!.n);
    await page.close();
  });
});

describe('ticket list', () => {
  it('lists the overdue tickets with the exact total, sorts by received time on the server, and pages', async () => {
    const [{ n: total }] = (await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM tickets WHERE ${IN_YEAR} AND overdue`,
    )) as [{ n: number }];
    const overdue = (order: string, offset = 0) =>
      ids(
        `SELECT ticket_id AS id FROM tickets WHERE ${IN_YEAR} AND overdue
         ORDER BY received_at ${order}, ticket_id ${order} LIMIT 1 OFFSET ${offset}`,
      );
    const page = await open(`/tickets?${YEAR}&flag=overdue`);
    await waitForTotal(page, total);
    expect(await page.locator('[data-testid="ticket-total"]').textContent()).toBe(`共 ${count(total)} 件`);
    expect(await page.locator('.chip').textContent()).toContain('超期');
    await waitForFirstTicket(page, (await overdue('DESC'))[0]!);

    const received = page.locator('th', { has: page.getByRole('button', { name: '受理时间' }) });
    expect(await received.getAttribute('aria-sort')).toBe('descending');
    await received.getByRole('button').click();
    await page.waitForURL((url) => url.searchParams.get('order') === 'asc');
    await waitForFirstTicket(page, (await overdue('ASC'))[0]!);
    expect(await received.getAttribute('aria-sort')).toBe('ascending');

    await page.getByRole('button', { name: '下一页' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await waitForFirstTicket(page, (await overdue('ASC', 50))[0]!);
    expect(await page.locator('[data-testid="page-of"]').textContent()).toBe(
      `第 2 / ${count(Math.ceil(total / 50))} 页`,
    );
    expect(await ticketRows(page).count()).toBe(50);

    // Long content unfolds; removing the flag widens the list to every ticket and goes back to page 1.
    const more = page.getByRole('button', { name: '展开全文' }).first();
    await more.click();
    expect(await page.locator('[aria-expanded="true"]', { hasText: '收起' }).count()).toBe(1);
    await page.getByRole('button', { name: '取消“超期”' }).click();
    await page.waitForURL((url) => !url.searchParams.has('flag') && !url.searchParams.has('page'));
    const [{ n: all }] = (await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM tickets WHERE ${IN_YEAR}`,
    )) as [{ n: number }];
    await waitForTotal(page, all);
    await page.close();
  });

  it('exports the whole selection as CSV: one record per ticket and a header', async () => {
    const [small] = await query<{ department: string; n: number }>(
      config,
      `SELECT department, count(*)::INTEGER AS n FROM tickets WHERE ${IN_YEAR} AND overdue
       GROUP BY 1 HAVING count(*) BETWEEN 3 AND 30 ORDER BY n DESC, department LIMIT 1`,
    );
    if (!small) throw new Error('no small selection');
    const page = await open(`/tickets?${YEAR}&dept=${encodeURIComponent(small.department)}&flag=overdue`);
    await waitForTotal(page, small.n);
    expect(await page.locator('[data-testid="export-links"]').textContent()).toContain('最多 100,000 行');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-format="csv"]')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const records = parseCsv(text);
    expect(records).toHaveLength(small.n + 1);
    expect(records[0]).toContain('受理时间');
    const xlsx = new URL((await page.locator('a[data-format="xlsx"]').getAttribute('href'))!, dashboard.url);
    expect(Object.fromEntries(xlsx.searchParams)).toMatchObject({
      dept: small.department,
      flag: 'overdue',
      format: 'xlsx',
      lang: 'zh',
    });
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const page = await open('/tickets?from=2019-01-01&to=2019-01-31&flag=overdue');
    await page
      .locator('[data-testid="tickets"] .widget-state.empty', { hasText: '没有符合条件的诉求' })
      .waitFor();
    await page.close();
  });
});

describe('in English', () => {
  it('titles both views in English, and both views are saved as screenshots in both languages', async () => {
    const page = await open(`/tickets?${YEAR}&flag=overdue&pageSize=20`);
    await ticketRows(page).first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'tickets.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Tickets' }).waitFor();
    expect(await page.locator('.chip').textContent()).toContain('Overdue');
    expect(await page.locator('[data-testid="tickets"] h2').textContent()).toBe('Ticket details');
    await page.getByRole('button', { name: 'Received' }).waitFor();
    expect(await page.locator('a[data-format="csv"]').getAttribute('href')).toContain('lang=en');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'tickets-english.png'), fullPage: true });

    await page.getByRole('link', { name: 'Departments' }).click();
    await page.locator('h1', { hasText: 'Departments' }).waitFor();
    await ranked(page).first().waitFor({ timeout: 20_000 });
    const headings = await page.locator('.panel h2').allTextContents();
    expect(headings).toEqual(['Department ranking', 'Lowest on-time closure', 'Overdue tickets']);
    await page.getByRole('button', { name: 'Closed on time' }).waitFor();
    await page.locator('[data-testid="overdue-table"]').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'departments-english.png'), fullPage: true });
    await page.close();
  });
});
