import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { SampleChannel } from './model';

/** One exported row read back, keyed by its layout's own headers. */
export interface ReadRow {
  channel: SampleChannel;
  file: string;
  /** Data row number with the header as row 1 (app: 1-based element number). */
  row: number;
  values: Record<string, string | number | null>;
}

/** Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[i++];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function tableRows(channel: SampleChannel, file: string, table: (string | number | null)[][]): ReadRow[] {
  const [header, ...data] = table;
  return data.map((cells, i) => ({
    channel,
    file: path.basename(file),
    row: i + 2,
    values: Object.fromEntries(header!.map((h, j) => [String(h), cells[j] ?? null])),
  }));
}

async function readXlsx(file: string): Promise<(string | number | null)[][]> {
  const out: (string | number | null)[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as (string | number | null)[]).slice(1);
      out.push(values.map((v) => (v === undefined ? null : v)));
    }
  }
  return out;
}

/** Reads every export of a generated sample directory back into rows (for tests and charts). */
export async function readSample(dir: string): Promise<ReadRow[]> {
  const rows: ReadRow[] = [];
  const add = (more: ReadRow[]) => {
    for (const r of more) rows.push(r);
  };
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name.startsWith('12345热线工单_') && name.endsWith('.csv'))
      add(tableRows('hotline', file, parseCsv(readFileSync(file, 'utf8'))));
    else if (name.startsWith('12345热线工单_') && name.endsWith('.xlsx'))
      add(tableRows('hotline', file, await readXlsx(file)));
    else if (name.startsWith('网络问政留言_'))
      add(tableRows('web', file, parseCsv(iconv.decode(readFileSync(file), 'gbk'))));
    else if (name.startsWith('app_requests_')) {
      const records = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | number | null>[];
      add(records.map((values, i) => ({ channel: 'app' as const, file: name, row: i + 1, values })));
    }
  }
  return rows;
}

const TIME_FIELD: Record<SampleChannel, string> = {
  hotline: '受理时间',
  web: '留言时间',
  app: 'requested_datetime',
};

/** The received day (YYYY-MM-DD) of a row, or null when its time does not parse. */
export function receivedDay(r: ReadRow): string | null {
  const text = String(r.values[TIME_FIELD[r.channel]] ?? '');
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})/.exec(text);
  if (!m) return null;
  const [y, mo, d, h] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
