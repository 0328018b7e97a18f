import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getDepartments } from '../../app/api/departments/route';
import { GET as getExport } from '../../app/api/tickets/export/route';
import { GET as getTickets } from '../../app/api/tickets/route';
import type { DepartmentScorecard } from '../../lib/queries/department-scorecard';
import type { TicketList } from '../../lib/queries/ticket-list';
import { parseCsv } from '../support/csv';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { signedRequest } from '../support/session';
import { query } from '../support/warehouse';

/** The departments, tickets and export routes, called as Next calls them, with friendly and hostile URLs. */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;
beforeAll(async () => {
  warehouse = await buildSampleWarehouse('api-tickets');
}, 180_000);
afterAll(() => warehouse?.cleanup());

const JULY = 'from=2025-07-01&to=2025-07-31';
const call = (handler: (r: Request) => Promise<Response>, path: string, headers?: HeadersInit) =>
  handler(signedRequest(`http://x${path}`, { headers }));

async function count(where: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    warehouse.config,
    `SELECT count(*)::INTEGER AS n FROM tickets
     WHERE received_at >= '2025-07-01' AND received_at < '2025-08-01' AND ${where}`,
  );
  return row!.n;
}

const SQL_IN_A_VALUE = encodeURIComponent("' OR 1=1 --");

describe('GET /api/departments', () => {
  it('answers the scorecard of every department in the range', async () => {
    const response = await call(getDepartments, `/api/departments?${JULY}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as DepartmentScorecard;
    const [row] = await query<{ n: number }>(
      warehouse.config,
      `SELECT count(DISTINCT department)::INTEGER AS n FROM tickets
       WHERE received_at >= '2025-07-01' AND received_at < '2025-08-01'`,
    );
    expect(body.rows).toHaveLength(row!.n);
    expect(body.ranges.previous).toEqual({ from: '2025-06-01', to: '2025-06-30' });
  });

  it('opens on the latest complete month when no range is given', async () => {
    const body = (await (await call(getDepartments, '/api/departments')).json()) as DepartmentScorecard;
    expect(body.ranges.current).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('treats SQL in a department name as a name nobody has', async () => {
    const response = await call(getDepartments, `/api/departments?${JULY}&dept=${SQL_IN_A_VALUE}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as DepartmentScorecard).rows).toEqual([]);
  });

  it.each([
    ['an unknown parameter', 'colour=red', 'colour'],
    ['a view parameter of another route', 'page=2', 'page'],
    ['a range of centuries', 'from=1900-01-01&to=2025-12-31', 'to'],
  ])('refuses %s with 400 naming it', async (_name, params, named) => {
    const response = await call(getDepartments, `/api/departments?${params}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(named);
  });
});

describe('GET /api/tickets', () => {
  it('answers a page of JSON with the exact total', async () => {
    const response = await call(
      getTickets,
      `/api/tickets?${JULY}&flag=overdue&sort=handling_hours&order=asc`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('vary')).toContain('accept');
    const body = (await response.json()) as TicketList;
    expect(body).toMatchObject({ total: await count('overdue'), page: 1, pageSize: 50 });
    expect(body.rows).toHaveLength(50);
    const hours = body.rows.map((r) => r.handlingHours ?? Number.POSITIVE_INFINITY);
    expect(hours).toEqual([...hours].sort((a, b) => a - b));
  });

  it('answers the same page as Arrow when asked, with the total in a header', async () => {
    const path = `/api/tickets?${JULY}&sort=department&page=3&pageSize=25`;
    const json = (await (await call(getTickets, path)).json()) as TicketList;
    const response = await call(getTickets, path, { accept: 'application/vnd.apache.arrow.stream' });
    expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    expect(response.headers.get('x-total-count')).toBe(String(json.total));
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect(table.toArray().map((r) => ({ ...r.toJSON() }))).toEqual(json.rows);
  });

  it.each([
    ['department', `dept=${SQL_IN_A_VALUE}`],
    ['channel', `channel=${SQL_IN_A_VALUE}`],
    ['unknown category', 'category=9999'],
    ['unknown first-level category', 'category=99'],
    ['unknown region', 'region=999999'],
  ])('answers an empty list for a %s that matches nothing', async (_name, params) => {
    const response = await call(getTickets, `/api/tickets?${JULY}&${params}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ total: 0, page: 1, pageSize: 50, rows: [] });
  });

  it.each([
    ['SQL in the sort', `sort=${encodeURIComponent('received_at; DROP TABLE tickets')}`, 'sort'],
    ['SQL in the order', `order=${encodeURIComponent('desc; DROP TABLE tickets')}`, 'order'],
    ['an unknown flag', 'flag=vip', 'flag'],
    ['a huge page', 'pageSize=100000', 'pageSize'],
    ['a negative page', 'page=-1', 'page'],
    ['a page that is not a number', 'page=1e3x', 'page'],
    ['a fractional page', 'page=1.5', 'page'],
    ['an unknown parameter', 'limit=10', 'limit'],
    ['a range of millennia', 'from=0001-01-01&to=9999-12-31', 'to'],
    ['a range backwards', 'from=2025-07-31&to=2025-07-01', 'from'],
    ['a date that does not exist', 'from=2025-02-30', 'from'],
    ['SQL in a category code', `category=${encodeURIComponent("01' OR '1'='1")}`, 'category'],
    ['a control character in a department', 'dept=%00abc', 'dept'],
  ])('refuses %s with 400 naming the parameter', async (_name, params, named) => {
    const response = await call(getTickets, `/api/tickets?${JULY}&${params}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(named);
  });

  it('still has every ticket after the hostile requests', async () => {
    const [row] = await query<{ n: number }>(warehouse.config, 'SELECT count(*)::INTEGER AS n FROM tickets');
    expect(row!.n).toBeGreaterThan(20_000);
  });
});

describe('GET /api/tickets/export', () => {
  it('sends CSV as an attachment named in Chinese (RFC 5987), with every selected row', async () => {
    const response = await call(getExport, `/api/tickets/export?${JULY}&flag=dissatisfied`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(
      /^attachment; filename="tickets-2025-07-01_2025-07-31\.csv"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('诉求清单-2025-07-01_2025-07-31.csv');
    expect(response.headers.get('x-truncated')).toBeNull();
    const bytes = new Uint8Array(await response.arrayBuffer());
    const records = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(records[0]?.[0]).toBe('诉求编号');
    expect(records.length - 1).toBe(await count("satisfaction = 'dissatisfied'"));
    expect(response.headers.get('x-total-count')).toBe(String(records.length - 1));
  });

  it('sends XLSX with English headers when asked', async () => {
    const response = await call(getExport, `/api/tickets/export?${JULY}&format=xlsx&lang=en&flag=escalated`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('tickets-2025-07-01_2025-07-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Ticket ID');
    expect(sheet.rowCount - 1).toBe(await count('escalated'));
  });

  it('sends only the header row for SQL in a department name', async () => {
    const response = await call(getExport, `/api/tickets/export?${JULY}&dept=${SQL_IN_A_VALUE}`);
    expect(response.status).toBe(200);
    expect(
      parseCsv(new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(3))),
    ).toHaveLength(1);
  });

  it.each([
    ['an unknown format', 'format=pdf', 'format'],
    ['an unknown language', 'lang=fr', 'lang'],
    ['a list-only parameter', 'pageSize=10', 'pageSize'],
    ['SQL in the sort', `sort=${encodeURIComponent('1; DROP TABLE tickets')}`, 'sort'],
  ])('refuses %s with 400', async (_name, params, named) => {
    const response = await call(getExport, `/api/tickets/export?${JULY}&${params}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(named);
  });
});
