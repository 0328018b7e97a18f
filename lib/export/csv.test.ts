import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../tests/support/csv';
import { attachmentDisposition } from './content-disposition';
import { csvField, csvLine } from './csv';

describe('CSV fields', () => {
  it.each<[string, Parameters<typeof csvField>[0], string]>([
    ['plain text as is', '路灯不亮', '路灯不亮'],
    ['a comma quoted', '东门,西门', '"东门,西门"'],
    ['quotes doubled', '他说"马上修"', '"他说""马上修"""'],
    ['a line break quoted', '第一行\r\n第二行', '"第一行\r\n第二行"'],
    ['a formula guarded', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['a plus guarded', '+86 电话', "'+86 电话"],
    ['a minus guarded', '-5 度', "'-5 度"],
    ['an at sign guarded', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab guarded', '\t=1', "'\t=1"],
    ['a formula sign inside the text left alone', '1+1=2', '1+1=2'],
    ['a negative number as a number', -5, '-5'],
    ['a fraction', 0.25, '0.25'],
    ['null empty', null, ''],
    ['NaN empty', Number.NaN, ''],
  ])('%s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('reads back as the same values through an RFC 4180 reader', () => {
    const values = ['a,b', 'say "hi"', 'x\r\ny', '', '中文'];
    expect(parseCsv(csvLine(values) + csvLine(['1', '2', '3', '4', '5']))).toEqual([
      values,
      ['1', '2', '3', '4', '5'],
    ]);
  });
});

describe('attachment file names', () => {
  it('sends a Chinese name as RFC 5987 UTF-8 with an ASCII fallback', () => {
    const header = attachmentDisposition(
      '诉求清单-2025-07-01_2025-07-31.csv',
      'tickets-2025-07-01_2025-07-31.csv',
    );
    expect(header).toBe(
      'attachment; filename="tickets-2025-07-01_2025-07-31.csv"; ' +
        "filename*=UTF-8''%E8%AF%89%E6%B1%82%E6%B8%85%E5%8D%95-2025-07-01_2025-07-31.csv",
    );
  });

  it('encodes the characters RFC 5987 does not allow bare, and keeps quotes out of the fallback', () => {
    expect(attachmentDisposition("a'b(c)*.csv", 'a"b\\c.csv')).toBe(
      'attachment; filename="a_b_c.csv"; filename*=UTF-8\'\'a%27b%28c%29%2A.csv',
    );
  });
});
