import { z } from 'zod';
import type { SqlParams } from '../db/connection';
import { borrowConnection, type Lease } from '../db/read-only-warehouse';
import { csvLine, UTF8_BOM } from '../export/csv';
import { type SheetColumn, type SheetValue, writeXlsx } from '../export/xlsx';
import type { Filters } from '../filters/filters';
import {
  APPEAL_TYPE_TEXT,
  codeText,
  type Lang,
  SATISFACTION_TEXT,
  STATUS_TEXT,
  type Text,
  YES_NO_TEXT,
} from '../i18n/codes';
import {
  TICKET_SELECTION_VIEW,
  type TicketListRow,
  type TicketSelection,
  ticketCountQuery,
  ticketRowsQuery,
} from './ticket-list';

/**
 * The ticket list as a file (CSV or XLSX) for analysts: the same filters, flag and order as the list, every row up
 * to EXPORT_ROW_CAP, column headers in Chinese (or English with lang=en), codes written as words.
 *
 * The rows stream out of DuckDB chunk by chunk and are encoded as they come, but the finished file is handed
 * back whole: holding one of the warehouse's four pooled connections while a slow client downloads would stall
 * the dashboard, and a file of 100,000 rows is a few tens of MB.
 */
export const EXPORT_ROW_CAP = 100_000;
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Excel's limit on the text of one cell; content is cut there (the list cuts it far shorter). */
const CELL_CHARS = 32_767;

/** The export route's view parameters. */
export const TICKET_EXPORT_VIEW = {
  ...TICKET_SELECTION_VIEW,
  format: z.enum(EXPORT_FORMATS).default('csv'),
  lang: z.enum(['zh', 'en']).default('zh'),
};

export interface TicketExport {
  /** The file, ready to send. */
  body: Blob;
  contentType: string;
  /** The name to offer, in the export's language, and an ASCII one for clients that cannot take it. */
  fileName: string;
  asciiFileName: string;
  /** Rows in the file, and tickets selected: more than the rows when the cap cut the file short. */
  rows: number;
  total: number;
  truncated: boolean;
}

interface ExportColumn extends Omit<SheetColumn, 'header'> {
  header: Text;
  value: (row: TicketListRow, lang: Lang) => SheetValue;
}

const yesNo = (value: boolean | null, lang: Lang) =>
  value === null ? null : YES_NO_TEXT[value ? 'true' : 'false'][lang];

const text = (header: Text, width: number, value: ExportColumn['value']): ExportColumn => ({
  header,
  width,
  kind: 'text',
  value,
});

const datetime = (header: Text, value: (row: TicketListRow) => string | null): ExportColumn => ({
  header,
  width: 20,
  kind: 'datetime',
  value,
});

export const TICKET_EXPORT_COLUMNS: readonly ExportColumn[] = [
  text({ zh: '诉求编号', en: 'Ticket ID' }, 28, (r) => r.ticketId),
  text({ zh: '渠道', en: 'Channel' }, 12, (r) => r.channel),
  datetime({ zh: '受理时间', en: 'Received' }, (r) => r.receivedAt),
  datetime({ zh: '办结时间', en: 'Closed' }, (r) => r.closedAt),
  datetime({ zh: '办理时限', en: 'Due' }, (r) => r.dueAt),
  text({ zh: '诉求类型', en: 'Appeal type' }, 10, (r, lang) =>
    codeText(APPEAL_TYPE_TEXT, r.appealType, lang),
  ),
  text({ zh: '一级分类', en: 'Category' }, 16, (r, lang) =>
    lang === 'zh' ? r.categoryL1Zh : (r.categoryL1En ?? r.categoryL1Zh),
  ),
  text({ zh: '二级分类', en: 'Subcategory' }, 18, (r, lang) =>
    lang === 'zh' ? r.categoryL2Zh : (r.categoryL2En ?? r.categoryL2Zh),
  ),
  text({ zh: '区县', en: 'District' }, 10, (r) => r.countyName),
  text({ zh: '街道/乡镇', en: 'Street / town' }, 12, (r) => r.townName),
  text({ zh: '地址', en: 'Address' }, 30, (r) => r.address),
  text({ zh: '承办单位', en: 'Department' }, 24, (r) => r.department),
  text({ zh: '办理状态', en: 'Status' }, 10, (r, lang) => codeText(STATUS_TEXT, r.status, lang)),
  text({ zh: '是否解决', en: 'Resolved' }, 8, (r, lang) => yesNo(r.resolved, lang)),
  text({ zh: '满意度', en: 'Satisfaction' }, 10, (r, lang) =>
    codeText(SATISFACTION_TEXT, r.satisfaction, lang),
  ),
  text({ zh: '是否超期', en: 'Overdue' }, 8, (r, lang) => yesNo(r.overdue, lang)),
  {
    header: { zh: '办理时长（小时）', en: 'Handling time (hours)' },
    width: 12,
    kind: 'number',
    value: (r) => (r.handlingHours === null ? null : Math.round(r.handlingHours * 100) / 100),
  },
  text({ zh: '标题', en: 'Title' }, 24, (r) => r.title),
  text({ zh: '诉求内容', en: 'Content' }, 60, (r) => r.content),
];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file name offered for an export: 诉求清单-2025-07-01_2025-07-31.csv (tickets-… in English). */
export function exportFileName(filters: Filters, format: ExportFormat, lang: Lang): string {
  return `${lang === 'zh' ? '诉求清单' : 'tickets'}-${filters.from}_${filters.to}.${format}`;
}

/** The rows of a query as display values, one DuckDB chunk (about 2,048 rows) at a time. */
async function* valueBatches(lease: Lease, sql: string, params: SqlParams, lang: Lang) {
  const result = await lease.connection.stream(sql, params as never);
  for await (const batch of result.yieldRowObjectJson()) {
    yield (batch as unknown as TicketListRow[]).map((row) =>
      TICKET_EXPORT_COLUMNS.map((c) => c.value(row, lang)),
    );
  }
}

/** The selected tickets as a CSV or XLSX file (see the contract above). */
export async function exportTickets(
  filters: Filters,
  selection: TicketSelection,
  format: ExportFormat,
  lang: Lang,
  cap = EXPORT_ROW_CAP,
): Promise<TicketExport> {
  const count = ticketCountQuery(filters, selection.flag);
  const query = ticketRowsQuery(filters, selection, { limit: cap, offset: 0, contentChars: CELL_CHARS });
  const lease = await borrowConnection();
  try {
    const [counted] = await lease.rows<{ n: number }>(count.sql, count.params);
    const total = counted?.n ?? 0;
    const { body, rows } = await lease.aroundScan(query.sql, async () => {
      const batches = valueBatches(lease, query.sql, query.params, lang);
      if (format === 'csv') {
        const parts = [UTF8_BOM + csvLine(TICKET_EXPORT_COLUMNS.map((c) => c.header[lang]))];
        let rows = 0;
        for await (const batch of batches) {
          parts.push(batch.map(csvLine).join(''));
          rows += batch.length;
        }
        return { body: new Blob(parts, { type: CONTENT_TYPES.csv }), rows };
      }
      const columns = TICKET_EXPORT_COLUMNS.map((c) => ({ ...c, header: c.header[lang] }));
      const written = await writeXlsx(lang === 'zh' ? '诉求清单' : 'Tickets', columns, batches);
      return {
        body: new Blob([new Uint8Array(written.bytes)], { type: CONTENT_TYPES.xlsx }),
        rows: written.rows,
      };
    });
    return {
      body,
      contentType: CONTENT_TYPES[format],
      fileName: exportFileName(filters, format, lang),
      asciiFileName: exportFileName(filters, format, 'en'),
      rows,
      total,
      truncated: total > rows,
    };
  } finally {
    lease.release();
  }
}
