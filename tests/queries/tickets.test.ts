import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { type Filters, FiltersError } from '../../lib/filters/filters';
import { exportTickets } from '../../lib/queries/ticket-export';
import {
  fetchTicketList,
  queryTicketListArrow,
  type TicketListOptions,
  type TicketListRow,
} from '../../lib/queries/ticket-list';
import { TICKET_FLAGS, TICKET_SORTS, type TicketFlag } from '../../lib/sql/ticket-selection';
import { parseCsv } from '../support/csv';
import { HOSTILE_TICKETS, writeHostileTickets } from '../support/hostile-tickets';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

/** The ticket list and its export against independent SQL on `tickets`. */
const tmp = makeTempDir('tickets');
const warehouse = { config: testConfig(tmp.dir) };
// The sample city plus work orders with hostile text; lib/db reads HOTLINE_DB when it first opens.
beforeAll(async () => {
  const outcome = await load([...sampleExports(), writeHostileTickets(tmp.dir)], warehouse.config);
  expect(outcome.results.map((r) => r.status)).toEqual(['loaded', 'loaded', 'loaded', 'loaded']);
  process.env.HOTLINE_DB = warehouse.config.databasePath;
}, 180_000);
afterAll(() => tmp.cleanup());

const july: Filters = { from: '2025-07-01', to: '2025-07-31' };
const list = (filters: Filters, options: Partial<TicketListOptions> = {}) =>
  fetchTicketList(filters, { sort: 'received_at', order: 'desc', page: 1, pageSize: 200, ...options });

/** Each flag's condition written again from docs/warehouse.md, independently of lib/sql/ticket-selection.ts. */
const FLAG_CONDITIONS: Record<TicketFlag, string> = {
  overdue: 'overdue IS TRUE',
  repeat: 'EXISTS (SELECT 1 FROM repeat_appeals r WHERE r.ticket_id = t.ticket_id)',
  returned: 'returned IS TRUE',
  dissatisfied: "satisfaction = 'dissatisfied'",
  unresolved: 'resolved IS FALSE',
  still_open: "status IN ('open', 'in_progress')",
  closed_in_minutes: 'handling_hours >= 0 AND handling_hours * 60 < 10',
  closed_before_received: 'closed_at < received_at',
  no_region: 'county_code IS NULL',
  escalated: 'escalated IS TRUE',
};

async function sqlIds(filters: Filters, condition = 'true', order = 'received_at DESC, ticket_id DESC') {
  const rows = await query<{ id: string }>(
    warehouse.config,
    `SELECT ticket_id AS id FROM tickets t
     WHERE received_at >= ?::DATE AND received_at < ?::DATE + 1 AND ${condition} ORDER BY ${order}`,
    [filters.from, filters.to],
  );
  return rows.map((r) => r.id);
}

describe('ticket list', () => {
  it.each(TICKET_FLAGS)('counts and lists the %s tickets exactly', async (flag) => {
    for (const filters of [july, { from: '2024-01-01', to: '2025-12-31' }]) {
      const expected = await sqlIds(filters, FLAG_CONDITIONS[flag]);
      const page = await list(filters, { flag });
      expect(page.total).toBe(expected.length);
      expect(page.rows.map((r) => r.ticketId)).toEqual(expected.slice(0, 200));
    }
  });

  it('finds the planted timing defects under their flags', async () => {
    const ids = async (flag: TicketFlag) => (await list(july, { flag })).rows.map((r) => r.ticketId);
    expect(await ids('closed_before_received')).toContain(
      `cn-12345:${HOSTILE_TICKETS.closedBeforeReceived.id}`,
    );
    expect(await ids('closed_in_minutes')).toContain(`cn-12345:${HOSTILE_TICKETS.closedInMinutes.id}`);
  });

  it('pages through the selection without gaps or repeats', async () => {
    const expected = await sqlIds(july);
    const pages = Math.ceil(expected.length / 200);
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const result = await list(july, { page });
      expect(result).toMatchObject({ total: expected.length, page, pageSize: 200 });
      seen.push(...result.rows.map((r) => r.ticketId));
    }
    expect(seen).toEqual(expected);
    expect((await list(july, { page: pages + 1 })).rows).toEqual([]);
  });

  const SORT_SQL: Record<(typeof TICKET_SORTS)[number], string[]> = {
    received_at: ['received_at'],
    closed_at: ['closed_at'],
    handling_hours: ['handling_hours'],
    category: ['category_l1', 'category_l2'],
    region: ['county_code', 'town_code'],
    department: ['department'],
  };
  it.each(TICKET_SORTS.flatMap((s) => (['asc', 'desc'] as const).map((o) => [s, o] as const)))(
    'sorts by %s %s, missing values last',
    async (sort, order) => {
      const keys = [...SORT_SQL[sort], 'ticket_id'].map((c) => `${c} ${order} NULLS LAST`).join(', ');
      const expected = (await sqlIds(july, 'true', keys)).slice(0, 200);
      expect((await list(july, { sort, order })).rows.map((r) => r.ticketId)).toEqual(expected);
    },
  );

  it('gives each row the stored values with category and region names, and never the caller key', async () => {
    const { rows } = await list(july, { pageSize: 50 });
    const stored = await query<TicketListRow & { callerKey: string }>(
      warehouse.config,
      `SELECT t.ticket_id AS "ticketId", c2.name_zh AS "categoryL2Zh", c1.name_en AS "categoryL1En",
              r.name AS "townName", t.handling_hours AS "handlingHours", t.caller_key AS "callerKey"
       FROM tickets t LEFT JOIN categories c1 ON c1.code = t.category_l1
       LEFT JOIN categories c2 ON c2.code = t.category_l2 LEFT JOIN regions r ON r.code = t.town_code`,
    );
    const byId = new Map(stored.map((s) => [s.ticketId, s]));
    const callerKeys = new Set(stored.map((s) => s.callerKey).filter(Boolean));
    expect(callerKeys.size).toBeGreaterThan(1000);
    for (const row of rows) {
      const s = byId.get(row.ticketId)!;
      expect(row).toMatchObject({
        categoryL2Zh: s.categoryL2Zh,
        categoryL1En: s.categoryL1En,
        townName: s.townName,
        handlingHours: s.handlingHours,
      });
      expect(row.receivedAt).toMatch(/^2025-07-\d\d \d\d:\d\d:\d\d$/);
      expect(Object.keys(row).filter((k) => /caller/i.test(k))).toEqual([]);
      for (const value of Object.values(row)) expect(callerKeys.has(value as string)).toBe(false);
    }
  });

  it('cuts long content to 300 characters and says so', async () => {
    const { rows } = await list({ from: '2025-07-23', to: '2025-07-23' });
    const long = rows.find((r) => r.ticketId === `cn-12345:${HOSTILE_TICKETS.at.id}`)!;
    expect(long.content).toBe(HOSTILE_TICKETS.at.content.slice(0, 300));
    expect(long.contentTruncated).toBe(true);
    expect(rows.filter((r) => r.contentTruncated).map((r) => r.ticketId)).toEqual([long.ticketId]);
  });

  it('combines the filters as SQL does, and is empty for codes nobody has', async () => {
    const filters = {
      ...july,
      region: '511502',
      category: '01',
      channel: '12345热线',
      dept: '市住房城乡建设局',
    };
    const [expected] = await query<{ n: number }>(
      warehouse.config,
      `SELECT count(*)::INTEGER AS n FROM tickets WHERE received_at >= '2025-07-01' AND received_at < '2025-08-01'
       AND county_code = '511502' AND category_l1 = '01' AND channel = '12345热线' AND department = '市住房城乡建设局'`,
    );
    expect(expected!.n).toBeGreaterThan(0);
    expect((await list(filters)).total).toBe(expected!.n);
    expect(await list({ ...july, category: '9999' })).toEqual({ total: 0, page: 1, pageSize: 200, rows: [] });
  });

  it('gives the same page as an Arrow table', async () => {
    const options = { flag: 'overdue', sort: 'handling_hours', order: 'asc', page: 2, pageSize: 20 } as const;
    const [json, arrow] = await Promise.all([list(july, options), queryTicketListArrow(july, options)]);
    expect(arrow.total).toBe(json.total);
    expect(arrow.table.toArray().map((r) => ({ ...r.toJSON() }))).toEqual(json.rows);
  });

  it('refuses pages it would not serve', async () => {
    await expect(list(july, { pageSize: 201 })).rejects.toBeInstanceOf(FiltersError);
    await expect(list(july, { page: 0 })).rejects.toBeInstanceOf(FiltersError);
  });
});

/** The text of an exported CSV, after checking that it starts with the UTF-8 byte-order mark. */
async function csvText(body: Blob): Promise<string> {
  const bytes = new Uint8Array(await body.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.slice(3));
}

describe('ticket export', () => {
  const selection = { sort: 'received_at', order: 'desc' } as const;
  const hostile = (id: string) => `cn-12345:${id}`;

  it('writes CSV with a BOM, Chinese headers, every selected row and guarded formulas', async () => {
    const file = await exportTickets(july, selection, 'csv', 'zh');
    const text = await csvText(file.body);
    const [header, ...records] = parseCsv(text);
    expect(header?.slice(0, 3)).toEqual(['诉求编号', '渠道', '受理时间']);
    expect(records.map((r) => r[0])).toEqual(await sqlIds(july));
    expect(file).toMatchObject({ rows: records.length, total: records.length, truncated: false });
    expect(file.fileName).toBe('诉求清单-2025-07-01_2025-07-31.csv');
    const content = new Map(records.map((r) => [r[0], r.at(-1)]));
    expect(content.get(hostile(HOSTILE_TICKETS.formula.id))).toBe(`'${HOSTILE_TICKETS.formula.content}`);
    expect(content.get(hostile(HOSTILE_TICKETS.plus.id))).toBe(`'${HOSTILE_TICKETS.plus.content}`);
    expect(content.get(hostile(HOSTILE_TICKETS.minus.id))).toBe(`'${HOSTILE_TICKETS.minus.content}`);
    expect(content.get(hostile(HOSTILE_TICKETS.at.id))).toBe(`'${HOSTILE_TICKETS.at.content}`);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes English headers and words with lang=en', async () => {
    const file = await exportTickets(july, { ...selection, flag: 'overdue' }, 'csv', 'en');
    const [header, first] = parseCsv(await csvText(file.body));
    expect(header?.slice(0, 3)).toEqual(['Ticket ID', 'Channel', 'Received']);
    expect(first?.[header!.indexOf('Overdue')]).toBe('Yes');
    expect(file.rows).toBe((await sqlIds(july, FLAG_CONDITIONS.overdue)).length);
  });

  it('writes XLSX that exceljs reads back with the same rows, times as dates, formulas as text', async () => {
    const file = await exportTickets(july, selection, 'xlsx', 'zh');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await file.body.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const expected = await sqlIds(july);
    expect(sheet.rowCount).toBe(expected.length + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('诉求编号');
    const ids: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(1).value));
    });
    expect(ids).toEqual(expected);
    const formulaRow = sheet.getRow(ids.indexOf(hostile(HOSTILE_TICKETS.formula.id)) + 2);
    const cell = formulaRow.getCell(19);
    expect([cell.type, cell.value]).toEqual([ExcelJS.ValueType.String, HOSTILE_TICKETS.formula.content]);
    expect(formulaRow.getCell(3).value).toEqual(new Date('2025-07-20T10:00:00Z'));
  });

  it('stops at the cap and says the file is cut short', async () => {
    const file = await exportTickets(july, selection, 'csv', 'zh', 10);
    const records = parseCsv(await csvText(file.body)).slice(1);
    expect(records.map((r) => r[0])).toEqual((await sqlIds(july)).slice(0, 10));
    expect(file).toMatchObject({ rows: 10, total: (await sqlIds(july)).length, truncated: true });
  });
});
