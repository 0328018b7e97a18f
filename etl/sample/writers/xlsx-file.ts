import ExcelJS from 'exceljs';
import { fixZipTimestamps } from './zip-timestamps';

/** Fixed workbook and zip-entry date, so the same rows give the same bytes. */
export const XLSX_FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

/**
 * A streaming single-sheet XLSX writer (exceljs WorkbookWriter, inline strings, no styles). Rows are committed as
 * they come, so memory stays flat. Row numbers count the header as row 1.
 */
export class XlsxFile {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private rows = 0;

  constructor(
    readonly path: string,
    headers: readonly string[],
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: false,
      useSharedStrings: false,
    });
    this.workbook.creator = 'hotline-atlas sample generator';
    this.workbook.lastModifiedBy = 'hotline-atlas sample generator';
    this.workbook.created = XLSX_FIXED_DATE;
    this.workbook.modified = XLSX_FIXED_DATE;
    this.sheet = this.workbook.addWorksheet('工单');
    this.write([...headers]);
  }

  /** Data rows written so far. */
  get dataRows(): number {
    return this.rows - 1;
  }

  /** Appends and commits a row; returns its row number. */
  write(values: (string | number)[]): number {
    this.sheet.addRow(values).commit();
    this.rows++;
    return this.rows;
  }

  /** Finishes the workbook and fixes its zip timestamps; resolves with the number of data rows. */
  async close(): Promise<number> {
    this.sheet.commit();
    await this.workbook.commit();
    await fixZipTimestamps(this.path, XLSX_FIXED_DATE);
    return this.rows - 1;
  }
}
