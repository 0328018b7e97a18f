import path from 'node:path';
import { categories } from '../../../lib/taxonomy';
import type { DefectKind, SampleChannel, SampleTicket } from '../model';
import { CsvFile } from './csv-file';
import { applyDefect } from './defects';
import { JsonArrayFile } from './json-array-file';
import { appRecord, HOTLINE_HEADERS, hotlineRow, WEB_HEADERS, webRow } from './rows';
import { XlsxFile } from './xlsx-file';

/** Excel's sheet limit is 1,048,576 rows; hotline exports roll over to a new part file before it. */
export const XLSX_ROWS_PER_FILE = 1_000_000;

/** One planted defect as written: the file, the data row number(s) (header = row 1), the id and the bad value. */
export interface DefectRecord {
  kind: DefectKind;
  channel: SampleChannel;
  file: string;
  rows: number[];
  sourceId: string;
  value?: string;
}

/** The files written for one channel with their data-row counts. */
export interface ChannelFiles {
  channel: SampleChannel;
  files: { name: string; rows: number }[];
}

const L1_NAMES = new Map(categories.filter((c) => c.level === 1).map((c) => [c.code, c.zh]));

/**
 * Writes tickets to the three channel exports in their own layouts, applying each ticket's planted defect and
 * recording where it landed. Hotline: XLSX (rolling over every 1,000,000 rows) or UTF-8 CSV; web: GBK CSV with
 * CRLF; app: an Open311 JSON array.
 */
export class ChannelWriters {
  readonly defects: DefectRecord[] = [];
  private hotline: XlsxFile | CsvFile | null = null;
  private hotlinePart = 0;
  private readonly closedHotline: { name: string; rows: number }[] = [];
  private readonly web: CsvFile;
  private readonly app: JsonArrayFile;

  constructor(
    private readonly outDir: string,
    private readonly range: string,
    private readonly hotlineFormat: 'xlsx' | 'csv',
    private readonly xlsxRowsPerFile = XLSX_ROWS_PER_FILE,
  ) {
    this.web = new CsvFile(path.join(outDir, `网络问政留言_${range}.csv`), WEB_HEADERS, 'gbk', '\r\n');
    this.app = new JsonArrayFile(path.join(outDir, `app_requests_${range}.json`));
  }

  private async hotlineFile(): Promise<XlsxFile | CsvFile> {
    if (this.hotline instanceof XlsxFile && this.hotline.dataRows >= this.xlsxRowsPerFile) {
      this.closedHotline.push({ name: path.basename(this.hotline.path), rows: await this.hotline.close() });
      this.hotline = null;
    }
    if (!this.hotline) {
      this.hotlinePart++;
      const suffix = this.hotlinePart > 1 ? `_part${String(this.hotlinePart).padStart(2, '0')}` : '';
      const name = path.join(this.outDir, `12345热线工单_${this.range}${suffix}.${this.hotlineFormat}`);
      this.hotline =
        this.hotlineFormat === 'xlsx'
          ? new XlsxFile(name, HOTLINE_HEADERS)
          : new CsvFile(name, HOTLINE_HEADERS, 'utf8', '\n');
    }
    return this.hotline;
  }

  /** Writes one ticket (twice for a duplicated row). */
  async write(t: SampleTicket): Promise<void> {
    const copies = t.defect === 'duplicate_row' ? 2 : 1;
    const rows: number[] = [];
    let file = '';
    let value: string | undefined;
    if (t.channel === 'app') {
      const rec = appRecord(t);
      value = t.defect ? applyDefect(t, rec) : undefined;
      file = this.app.path;
      for (let i = 0; i < copies; i++) rows.push(await this.app.write(rec));
    } else {
      const values = t.channel === 'hotline' ? hotlineRow(t, L1_NAMES) : webRow(t, L1_NAMES);
      value = t.defect ? applyDefect(t, values) : undefined;
      const out = t.channel === 'hotline' ? await this.hotlineFile() : this.web;
      file = out.path;
      for (let i = 0; i < copies; i++) rows.push(await out.write(values));
    }
    if (t.defect)
      this.defects.push({
        kind: t.defect,
        channel: t.channel,
        file: path.basename(file),
        rows,
        sourceId: t.sourceId,
        value,
      });
  }

  /** Closes every file; resolves with what was written per channel. */
  async close(): Promise<ChannelFiles[]> {
    if (this.hotline)
      this.closedHotline.push({ name: path.basename(this.hotline.path), rows: await this.hotline.close() });
    const web = await this.web.close();
    const app = await this.app.close();
    return [
      { channel: 'hotline', files: this.closedHotline },
      { channel: 'web', files: [{ name: path.basename(this.web.path), rows: web }] },
      { channel: 'app', files: [{ name: path.basename(this.app.path), rows: app }] },
    ];
  }
}
