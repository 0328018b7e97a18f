import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageFile } from './index';
import { openTestbed, type ReaderTestbed } from './test-support';

let bed: ReaderTestbed;
beforeAll(async () => {
  bed = await openTestbed();
});
afterAll(() => bed.close());

async function writeWorkbook(name: string, fill: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  const path = bed.path(name);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('XLSX', () => {
  it('stages dates, numbers, rich text, hyperlinks and formulas as text, skipping blank padding', async () => {
    const path = await writeWorkbook('tickets.xlsx', (workbook) => {
      workbook.addWorksheet('说明'); // an empty first sheet is skipped for the one with data
      const sheet = workbook.addWorksheet('工单');
      sheet.getRow(2).values = [
        '工单编号',
        '来电时间',
        '来电号码',
        '留言详情',
        '链接',
        '合计',
        '',
        '工单编号',
      ];
      sheet.getRow(3).values = [
        'GD001',
        new Date(Date.UTC(2024, 2, 5, 8, 1, 9)),
        13800138000,
        { richText: [{ text: '\u3000\u3000小区' }, { font: { bold: true }, text: '积水 ' }] },
        { text: '详情', hyperlink: 'https://example.org/1' },
        { formula: '1+1', result: 2 },
        null,
        'dup',
      ];
      sheet.getCell('C4').value = 0.0000001;
      sheet.getCell('A4').value = 'GD002';
      sheet.getCell('B3').numFmt = 'yyyy-mm-dd hh:mm:ss';
      for (let row = 6; row < 2006; row += 1) sheet.getRow(row).height = 15; // blank rows that still exist
      sheet.getCell('A2007').value = 'GD003';
    });
    const staged = await stageFile(bed.connection, path);
    expect(staged).toMatchObject({ format: 'xlsx', rowCount: 3, readerRejects: [] });
    expect(staged.columns).toEqual([
      '工单编号',
      '来电时间',
      '来电号码',
      '留言详情',
      '链接',
      '合计',
      '_col7',
      '工单编号_2',
    ]);
    expect(await bed.rows(staged.table)).toEqual([
      {
        _row: 3,
        工单编号: 'GD001',
        来电时间: '2024-03-05 08:01:09',
        来电号码: '13800138000',
        留言详情: '小区积水',
        链接: '详情',
        合计: '2',
        _col7: null,
        工单编号_2: 'dup',
      },
      {
        _row: 4,
        工单编号: 'GD002',
        来电时间: null,
        来电号码: '0.0000001',
        留言详情: null,
        链接: null,
        合计: null,
        _col7: null,
        工单编号_2: null,
      },
      expect.objectContaining({ _row: 2007, 工单编号: 'GD003', 来电号码: null }),
    ]);
  });

  it('keeps Chinese characters intact where they straddle exceljs stream chunks', async () => {
    const texts = Array.from(
      { length: 3000 },
      (_, i) => `${'市民反映小区积水严重，拖欠工资欠薪'.slice(i % 7)}${i}号`,
    );
    const path = await writeWorkbook('long-chinese.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('工单');
      sheet.addRow(['留言详情']);
      for (const text of texts) sheet.addRow([text]);
    });
    const staged = await stageFile(bed.connection, path);
    expect((await bed.rows(staged.table)).map((row) => row.留言详情)).toEqual(texts);
  });

  it('returns a row with values right of the header as a readerReject', async () => {
    const path = await writeWorkbook('wide.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(['id', 'text']);
      sheet.addRow(['1', 'a']);
      sheet.addRow(['2', 'b', 'stray']);
      sheet.addRow(['3', 'c']);
    });
    const staged = await stageFile(bed.connection, path);
    expect((await bed.rows(staged.table)).map((row) => row._row)).toEqual([2, 4]);
    expect(staged.readerRejects).toEqual([
      { row: 3, reason: 'value in column 3, right of the last header column 2', raw: '2\tb\tstray' },
    ]);
  });

  it('stages a header-only sheet as an empty table and rejects a workbook with no data', async () => {
    const headerOnly = await writeWorkbook('header-only.xlsx', (workbook) => {
      workbook.addWorksheet('Sheet1').addRow(['id', 'text']);
    });
    expect(await stageFile(bed.connection, headerOnly)).toMatchObject({
      rowCount: 0,
      columns: ['id', 'text'],
    });
    const empty = await writeWorkbook('empty.xlsx', (workbook) => {
      workbook.addWorksheet('Sheet1');
    });
    await expect(stageFile(bed.connection, empty)).rejects.toThrow(
      `${empty}: no data: every worksheet is empty`,
    );
  });
});
