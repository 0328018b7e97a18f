import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** A column of an exported sheet: datetimes arrive as wall-clock text 'YYYY-MM-DD HH:MM:SS'. */
export interface SheetColumn {
  header: string;
  width: number;
  kind: 'text' | 'number' | 'datetime';
}

export type SheetValue = string | number | null;

const NUMBER_FORMAT: Record<SheetColumn['kind'], string | undefined> = {
  text: undefined,
  number: '0.00',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

/**
 * A wall-clock time as the Date exceljs expects: it writes a Date's UTC fields as the cell's serial, so the UTC
 * fields must be the wall-clock ones (the same convention etl/readers/xlsx-cell.ts reads back).
 */
function excelDate(text: string): Date | string {
  const date = new Date(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? text : date;
}

/**
 * Writes one sheet (a bold, frozen header row, then the rows) with exceljs' streaming WorkbookWriter, so rows are
 * zipped as they come instead of being held as a workbook model, and returns the file's bytes. Text cells are
 * written as strings, never as formulas, so a message starting with '=' cannot run in Excel.
 */
export async function writeXlsx(
  sheetName: string,
  columns: readonly SheetColumn[],
  batches: AsyncIterable<readonly (readonly SheetValue[])[]>,
): Promise<{ bytes: Buffer; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => {
    const numFmt = NUMBER_FORMAT[c.kind];
    return { width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  for await (const batch of batches) {
    for (const values of batch) {
      const cells = values.map((v, i) =>
        columns[i]?.kind === 'datetime' && typeof v === 'string' ? excelDate(v) : v,
      );
      sheet.addRow(cells).commit();
      rows++;
    }
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return { bytes: Buffer.concat(chunks), rows };
}
