import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEncoding } from './encoding';
import { stageFile } from './index';
import { openTestbed, type ReaderTestbed } from './test-support';

let bed: ReaderTestbed;
beforeAll(async () => {
  bed = await openTestbed();
});
afterAll(() => bed.close());

function write(name: string, content: string | Buffer): string {
  const path = bed.path(name);
  writeFileSync(path, content);
  return path;
}

const CHINESE = '工单编号,诉求类型,留言详情\n1,投诉,小区积水严重\n2,求助,拖欠工资 欠薪\n';

describe('CSV encodings', () => {
  it('reads UTF-8', async () => {
    const staged = await stageFile(bed.connection, write('utf8.csv', CHINESE));
    expect(staged).toMatchObject({ format: 'csv', encoding: 'utf-8', rowCount: 2, readerRejects: [] });
    expect(staged.columns).toEqual(['工单编号', '诉求类型', '留言详情']);
    expect(await bed.rows(staged.table)).toEqual([
      { _row: 2, 工单编号: '1', 诉求类型: '投诉', 留言详情: '小区积水严重' },
      { _row: 3, 工单编号: '2', 诉求类型: '求助', 留言详情: '拖欠工资 欠薪' },
    ]);
  });

  it('reads UTF-8 with a BOM and keeps the BOM out of the first header', async () => {
    const staged = await stageFile(bed.connection, write('bom.csv', `\uFEFF${CHINESE}`));
    expect(staged.encoding).toBe('utf-8-bom');
    expect(staged.columns[0]).toBe('工单编号');
    expect((await bed.rows(staged.table))[0]).toMatchObject({ 工单编号: '1', 诉求类型: '投诉' });
  });

  it('detects GBK without being told', async () => {
    const staged = await stageFile(bed.connection, write('gbk.csv', iconv.encode(CHINESE, 'gbk')));
    expect(staged.encoding).toBe('gb18030');
    expect(staged.columns).toEqual(['工单编号', '诉求类型', '留言详情']);
    expect((await bed.rows(staged.table)).map((row) => row.留言详情)).toEqual([
      '小区积水严重',
      '拖欠工资 欠薪',
    ]);
  });

  it('reads GB18030 characters GBK cannot hold, and deletes its transcoded copy', async () => {
    const text = '编号,内容\n1,𠀀㐀诉求\n';
    expect(iconv.decode(iconv.encode(text, 'gbk'), 'gbk')).not.toBe(text);
    const tmpDir = bed.path('transcode');
    mkdirSync(tmpDir);
    const staged = await stageFile(bed.connection, write('gb18030.csv', iconv.encode(text, 'gb18030')), {
      tmpDir,
    });
    expect(staged.encoding).toBe('gb18030');
    expect(await bed.rows(staged.table)).toEqual([{ _row: 2, 编号: '1', 内容: '𠀀㐀诉求' }]);
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('falls back to GB18030 when invalid UTF-8 appears after the sampled start', async () => {
    const ascii = `id,text\n${Array.from({ length: 3000 }, (_, i) => `${i + 1},plain ascii row`).join('\n')}\n`;
    const body = Buffer.concat([Buffer.from(ascii), iconv.encode('3001,积水\n', 'gbk')]);
    const path = write('late-gbk.csv', body);
    expect(await detectEncoding(path, 1024)).toBe('utf-8');
    const staged = await stageFile(bed.connection, path);
    expect(staged.encoding).toBe('gb18030');
    expect(staged.rowCount).toBe(3001);
    expect(staged.readerRejects).toEqual([]);
    expect((await bed.rows(staged.table)).at(-1)).toEqual({ _row: 3002, id: '3001', text: '积水' });
  });
});

describe('CSV layout', () => {
  it('handles CRLF and no final newline', async () => {
    const staged = await stageFile(bed.connection, write('crlf.csv', 'a,b\r\n1,x\r\n2,y'));
    expect(await bed.rows(staged.table)).toEqual([
      { _row: 2, a: '1', b: 'x' },
      { _row: 3, a: '2', b: 'y' },
    ]);
  });

  it('numbers records, not lines, across embedded newlines and doubled quotes', async () => {
    const csv = 'id,text\r\n1,"first\nsecond\nthird"\r\n2,"he said ""hi"""\r\n3,"a\r\nb"\r\n4,last\r\n';
    const staged = await stageFile(bed.connection, write('quoted.csv', csv));
    expect(await bed.rows(staged.table)).toEqual([
      { _row: 2, id: '1', text: 'first\nsecond\nthird' },
      { _row: 3, id: '2', text: 'he said "hi"' },
      { _row: 4, id: '3', text: 'a\r\nb' },
      { _row: 5, id: '4', text: 'last' },
    ]);
  });

  it('names a blank header _col<position> and suffixes duplicates', async () => {
    const staged = await stageFile(bed.connection, write('blank.csv', ',name,Name, \n7,a,b,c\n'));
    expect(staged.columns).toEqual(['_col1', 'name', 'Name_2', '_col4']);
    expect(await bed.rows(staged.table)).toEqual([
      { _row: 2, _col1: '7', name: 'a', Name_2: 'b', _col4: 'c' },
    ]);
  });

  it('trims whitespace including tabs and ideographic spaces, and stores empty values as NULL', async () => {
    const csv = 'id,详情,备注\n1,"\t\u3000\u3000 市民反映积水\u3000 ",\n2,  ,""\n';
    const staged = await stageFile(bed.connection, write('trim.csv', csv));
    expect(await bed.rows(staged.table)).toEqual([
      { _row: 2, id: '1', 详情: '市民反映积水', 备注: null },
      { _row: 3, id: '2', 详情: null, 备注: null },
    ]);
  });

  it.each([
    ['tab', '\t'],
    ['semicolon', ';'],
    ['pipe', '|'],
  ])('detects a %s delimiter', async (name, delimiter) => {
    const csv = ['id,x', 'name', 'city'].join(delimiter);
    const staged = await stageFile(
      bed.connection,
      write(`${name}.csv`, `${csv}\n1${delimiter}A${delimiter}B\n`),
    );
    expect(staged.columns).toEqual(['id,x', 'name', 'city']);
    expect(await bed.rows(staged.table)).toEqual([{ _row: 2, 'id,x': '1', name: 'A', city: 'B' }]);
  });

  it('returns rows with the wrong field count as readerRejects and keeps later row numbers', async () => {
    const csv = 'id,text\n1,"multi\nline"\n2,b,EXTRA\n3,c\n4\n5,e\n';
    const staged = await stageFile(bed.connection, write('bad.csv', csv));
    expect(staged.rowCount).toBe(3);
    expect((await bed.rows(staged.table)).map((row) => [row._row, row.id])).toEqual([
      [2, '1'],
      [4, '3'],
      [6, '5'],
    ]);
    expect(staged.readerRejects).toHaveLength(2);
    expect(staged.readerRejects[0]).toMatchObject({ row: 3, raw: '2,b,EXTRA' });
    expect(staged.readerRejects[0]!.reason).toMatch(/TOO MANY COLUMNS/);
    expect(staged.readerRejects[1]).toMatchObject({ row: 5, raw: '4' });
    expect(staged.readerRejects[1]!.reason).toMatch(/MISSING COLUMNS/);
  });

  it('numbers every record of a large file by its line, past a rejected one', async () => {
    // Several read buffers and row groups: DuckDB stored such a file out of line order (rowid 0 held line 32,647).
    const header = ['id', ...Array.from({ length: 11 }, (_, i) => `c${i}`)];
    const lines = [header.join(',')];
    const rows = 260_000;
    const broken = 150_001;
    for (let line = 2; line <= rows + 1; line++) {
      const text = `第${line}行 小区积水 路灯不亮 噪音扰民 ${'x'.repeat(line % 40)}`;
      const cells = [String(line), ...header.slice(1).map((c) => `"${c} ${text}"`)];
      lines.push(line === broken ? `${line},only two` : cells.join(','));
    }
    const staged = await stageFile(bed.connection, write('large.csv', `${lines.join('\n')}\n`));
    expect(staged.rowCount).toBe(rows - 1);
    expect(staged.readerRejects.map((reject) => reject.row)).toEqual([broken]);
    const [check] = (
      await bed.connection.runAndReadAll(
        `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE _row::VARCHAR <> id)::INTEGER AS misnumbered
         FROM ${staged.table}`,
      )
    ).getRowObjectsJS();
    expect(check).toEqual({ n: rows - 1, misnumbered: 0 });
  });

  it('stages a header-only file as an empty table', async () => {
    const staged = await stageFile(bed.connection, write('header-only.csv', 'id,诉求\n'), {
      tableName: 'empty',
    });
    expect(staged).toMatchObject({ table: 'empty', rowCount: 0, columns: ['id', '诉求'] });
    expect(await bed.rows('empty')).toEqual([]);
  });

  it('rejects an empty file and a missing one with the path in the message', async () => {
    const empty = write('empty.csv', '');
    await expect(stageFile(bed.connection, empty)).rejects.toThrow(`${empty}: file is empty`);
    const blank = write('blank-lines.csv', '\n\n');
    await expect(stageFile(bed.connection, blank)).rejects.toThrow(`${blank}: file is empty (no header row)`);
    const missing = bed.path('missing.csv');
    await expect(stageFile(bed.connection, missing)).rejects.toThrow(`${missing}: file not found`);
  });

  it('reports progress with the final row count', async () => {
    const seen: number[] = [];
    await stageFile(bed.connection, write('progress.csv', CHINESE), {
      onProgress: (rows) => seen.push(rows),
    });
    expect(seen).toEqual([2]);
  });
});
