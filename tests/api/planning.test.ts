import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getBrief } from '../../app/api/planning/brief/route';
import { GET as getCandidates } from '../../app/api/planning/candidates/route';
import { GET as getEvidence } from '../../app/api/planning/evidence/route';
import { GET as getImpact } from '../../app/api/planning/impact/route';
import { GET as getWorkflow, POST as postWorkflow } from '../../app/api/planning/workflow/route';
import type { WorkflowState } from '../../lib/appdb/workflow';
import type { PlanningCandidate } from '../../lib/queries/planning-candidates';
import type { PlanningEvidence } from '../../lib/queries/planning-evidence';
import type { PlanningImpact } from '../../lib/queries/planning-impact';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { signedRequest } from '../support/session';
import { query } from '../support/warehouse';

/** The planners' routes on the sample city with the recurring step, as Next calls them. */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;
beforeAll(async () => {
  warehouse = await buildSampleWarehouse('api-planning', { analytics: ['recurring'] });
  process.env.HOTLINE_APP_DB = path.join(path.dirname(warehouse.config.databasePath), 'app', 'events.jsonl');
}, 180_000);
afterAll(() => {
  delete process.env.HOTLINE_APP_DB;
  warehouse?.cleanup();
});

const RANGE = 'from=2024-01-01&to=2025-12-31';
const call = (handler: (r: Request) => Promise<Response>, url: string, init?: RequestInit) =>
  handler(signedRequest(`http://x${url}`, init));
const candidates = async (params: string) => {
  const response = await call(getCandidates, `/api/planning/candidates?${RANGE}&${params}`);
  expect(response.status).toBe(200);
  return (await response.json()) as PlanningCandidate[];
};

describe('GET /api/planning/candidates', () => {
  it('ranks the planted flooding crossing and noisy market first, with counts that match the members', async () => {
    const ranked = await candidates('');
    expect(
      ranked
        .slice(0, 2)
        .map((c) => c.categoryL2)
        .sort(),
    ).toEqual(['0104', '0202']);
    expect(ranked.every((c) => c.kind === 'place' || c.kind === 'crowd')).toBe(true);
    const flooding = ranked.find((c) => c.categoryL2 === '0104')!;
    const [row] = await query<{ n: number; months: number }>(
      warehouse.config,
      `SELECT count(*)::INTEGER AS n, count(DISTINCT date_trunc('month', received_at))::INTEGER AS months
       FROM recurring_members JOIN tickets USING (ticket_id) WHERE issue_id = ?`,
      [flooding.issueId],
    );
    expect(flooding.tickets).toBe(row!.n);
    expect(flooding.months).toBe(row!.months);
    expect(flooding.timeline.reduce((a, m) => a + m.tickets, 0)).toBe(row!.n);
    expect(flooding.rangeMonths).toBe(24);
    expect(flooding.project?.zh).toContain('排水');
    expect(flooding.label).toBe('翠屏区合江门街道滨江路与民主街交叉口');
    expect(ranked.map((c) => c.rank)).toEqual(ranked.map((_, i) => i + 1));
  });

  it('reorders by the weights in the URL: growth alone puts the emerging construction site first', async () => {
    const zero = 'w_volume=0&w_persistence=0&w_repeat=0&w_unresolved=0&w_unsatisfied=0&w_spread=0';
    const [first, second] = await candidates(`${zero}&w_growth=5`);
    expect(first!.categoryL2).toBe('0201');
    expect(first!.components.growth).toBeGreaterThan(0.9);
    expect(first!.score - second!.score).toBeGreaterThan(5);
  });

  it('obeys the global filters and the kinds', async () => {
    const inCounty = await candidates('region=511504');
    expect(inCounty.length).toBeGreaterThan(0);
    expect(inCounty.find((c) => c.categoryL2 === '0104')).toBeUndefined();
    const callers = await candidates('kinds=caller');
    expect(callers.length).toBe(20);
    expect(await candidates('category=12&kinds=place')).toEqual([]);
  });

  it('answers 400 for a bad weight or kind', async () => {
    for (const bad of ['w_volume=9', 'w_growth=abc', 'kinds=nonsense', 'w_magic=1']) {
      const response = await call(getCandidates, `/api/planning/candidates?${RANGE}&${bad}`);
      expect(response.status, bad).toBe(400);
    }
  });
});

describe('GET /api/planning/evidence', () => {
  it('shows the category mix, departments and latest masked appeals of a candidate', async () => {
    const [top] = await candidates('');
    const response = await call(getEvidence, `/api/planning/evidence?${RANGE}&issue=${top!.issueId}`);
    expect(response.status).toBe(200);
    const evidence = (await response.json()) as PlanningEvidence;
    expect(evidence.categories[0]!.code).toBe(top!.categoryL2);
    expect(evidence.categories.reduce((a, c) => a + c.tickets, 0)).toBe(top!.tickets);
    expect(evidence.samples.length).toBe(5);
    expect(evidence.departments[0]!.department).toBe(top!.departments[0]);
    expect((await call(getEvidence, `/api/planning/evidence?${RANGE}&issue=place:0000:none`)).status).toBe(
      404,
    );
  });
});

describe('/api/planning/workflow', () => {
  it('records a status apart from the warehouse and reads it back', async () => {
    const post = (body: unknown) =>
      call(postWorkflow, '/api/planning/workflow', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await post({
      issueId: 'place:0104:x',
      status: 'adopted',
      date: '2025-07-01',
      note: '排水改造',
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as WorkflowState).status).toBe('adopted');
    expect((await post({ issueId: 'place:0104:x', status: 'finished', date: '2025-07-01' })).status).toBe(
      400,
    );
    expect((await post({ issueId: 'place:0104:x', status: 'done', date: '1 July' })).status).toBe(400);
    const states = (await (await call(getWorkflow, '/api/planning/workflow')).json()) as WorkflowState[];
    expect(states).toEqual([
      expect.objectContaining({ issueId: 'place:0104:x', status: 'adopted', note: '排水改造' }),
    ]);
  });
});

describe('GET /api/planning/impact', () => {
  const impactOf = async (issue: string, done: string) => {
    const response = await call(getImpact, `/api/planning/impact?issue=${issue}&done=${done}`);
    expect(response.status).toBe(200);
    return (await response.json()) as PlanningImpact;
  };

  it('compares the flooding crossing before and after a done date with the other cells, from the counts', async () => {
    const [flooding] = await candidates('category=0104');
    const impact = await impactOf(flooding!.issueId, '2025-01-01');
    if (!impact.enough) throw new Error(`not enough data: ${impact.reason}`);
    const [row] = await query<{ before: number; after: number }>(
      warehouse.config,
      `SELECT count(*) FILTER (received_at < '2025-01-01')::INTEGER AS before,
              count(*) FILTER (received_at >= '2025-01-01')::INTEGER AS after
       FROM tickets WHERE category_l2 = '0104' AND place_key = ? AND received_at >= '2024-01-01'`,
      [flooding!.label],
    );
    // 2024 and 2025 are both whole years of data: 12 months each side.
    expect(impact.monthsBefore).toBeCloseTo(366 / (365.25 / 12), 6);
    // The place's appeals by address, plus any in its cell without one (web messages have no address).
    expect(impact.treatedAppeals.before).toBeGreaterThanOrEqual(row!.before);
    expect(impact.treatedAppeals.after).toBeGreaterThanOrEqual(row!.after);
    expect(impact.treatedAppeals.after).toBeLessThan(row!.after * 1.2);
    expect(impact.treatedBefore).toBeCloseTo(impact.treatedAppeals.before / impact.monthsBefore, 10);
    // The planted crossing floods more in 2025 than in 2024: no project effect, and the interval says so.
    expect(impact.effect).toBeGreaterThan(0);
    expect(impact.controls).toBeGreaterThanOrEqual(5);
    expect(impact.low).toBeLessThan(impact.high);
  });

  it('says "not enough data" for a project done a month before the data end, and 404s an unknown issue', async () => {
    const [flooding] = await candidates('category=0104');
    expect(await impactOf(flooding!.issueId, '2025-12-01')).toMatchObject({
      enough: false,
      reason: 'too_few_months_after',
    });
    const response = await call(getImpact, '/api/planning/impact?issue=place:0000:none&done=2025-01-01');
    expect(response.status).toBe(404);
    expect((await call(getImpact, `/api/planning/impact?issue=x&done=2025-13`)).status).toBe(400);
  });
});

describe('GET /api/planning/brief', () => {
  it('exports the one-page brief of a candidate as XLSX with its figures and samples', async () => {
    const [top] = await candidates('');
    const response = await call(getBrief, `/api/planning/brief?${RANGE}&issue=${top!.issueId}&lang=en`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const cells = new Map<string, unknown>();
    sheet.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(sheet.getRow(1).getCell(1).value).toBe(top!.label);
    expect(cells.get('Appeals')).toBe(top!.tickets);
    expect(cells.get('Suggested project')).toBe(top!.project!.en);
    expect(sheet.pageSetup.fitToPage).toBe(true);
    const missing = await call(getBrief, `/api/planning/brief?${RANGE}&issue=place:0000:none`);
    expect(missing.status).toBe(404);
  });
});
