import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';
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

describe('detectFormat', () => {
  it('goes by extension first', async () => {
    expect(await detectFormat(write('a.CSV', '{"looks":"like json"}'))).toBe('csv');
    expect(await detectFormat(write('a.ndjson', 'x'))).toBe('json');
    expect(await detectFormat(write('a.xlsx', 'x'))).toBe('xlsx');
    expect(await detectFormat(write('a.parquet', 'x'))).toBe('parquet');
  });

  it('sniffs content when the extension says nothing', async () => {
    expect(await detectFormat(write('p.bin', 'PAR1....'))).toBe('parquet');
    expect(await detectFormat(write('x.dat', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0])))).toBe('xlsx');
    expect(await detectFormat(write('j.dat', '\uFEFF  \n[{"a":1}]'))).toBe('json');
    expect(await detectFormat(write('n.dat', '{"a":1}\n{"a":2}\n'))).toBe('json');
    expect(await detectFormat(write('c.dat', 'id,诉求\n1,积水\n'))).toBe('csv');
  });

  it('rejects missing, empty and .xls files with the path in the message', async () => {
    const missing = bed.path('nope.csv');
    await expect(detectFormat(missing)).rejects.toThrow(`${missing}: file not found`);
    const empty = write('empty.json', '');
    await expect(detectFormat(empty)).rejects.toThrow(`${empty}: file is empty`);
    const xls = write('old.xls', 'x');
    await expect(detectFormat(xls)).rejects.toThrow(`${xls}: old binary .xls is not supported`);
  });
});
