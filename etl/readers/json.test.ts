import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageFile } from './index';
import { findJsonLayout } from './json-layout';
import { openTestbed, type ReaderTestbed } from './test-support';

let bed: ReaderTestbed;
beforeAll(async () => {
  bed = await openTestbed();
});
afterAll(() => bed.close());

function write(name: string, content: string): string {
  const path = bed.path(name);
  writeFileSync(path, content);
  return path;
}

const REQUESTS = [
  {
    service_request_id: '638344',
    status: 'closed',
    requested_datetime: '2010-04-14T06:37:38-08:00',
    lat: 37.762221815,
    media: { url: null },
  },
  {
    service_request_id: '638349',
    status: 'open',
    description: '  积水 ',
    'address id': 12,
    tags: ['a', 'b'],
  },
];

const EXPECTED_ROWS = [
  {
    _row: 1,
    service_request_id: '638344',
    status: 'closed',
    requested_datetime: '2010-04-14T06:37:38-08:00',
    lat: '37.762221815',
    media: '{"url":null}',
    description: null,
    'address id': null,
    tags: null,
  },
  {
    _row: 2,
    service_request_id: '638349',
    status: 'open',
    requested_datetime: null,
    lat: null,
    media: null,
    description: '积水',
    'address id': '12',
    tags: '["a","b"]',
  },
];

describe('JSON', () => {
  it('stages a top-level array with keys in order of first appearance, nested values as JSON text', async () => {
    const staged = await stageFile(bed.connection, write('requests.json', JSON.stringify(REQUESTS, null, 2)));
    expect(staged).toMatchObject({ format: 'json', rowCount: 2, readerRejects: [] });
    expect(staged.columns).toEqual(Object.keys(EXPECTED_ROWS[0]!).slice(1));
    expect(await bed.rows(staged.table)).toEqual(EXPECTED_ROWS);
  });

  it('stages an object wrapping the array', async () => {
    const wrapped = { meta: { count: 2 }, service_requests: REQUESTS };
    for (const [name, text] of [
      ['wrapped.json', JSON.stringify(wrapped, null, 2)],
      ['wrapped-one-line.json', JSON.stringify(wrapped)],
    ] as const) {
      const staged = await stageFile(bed.connection, write(name, text));
      expect(await bed.rows(staged.table)).toEqual(EXPECTED_ROWS);
    }
  });

  it('picks the longest array of objects, unfooled by brackets and quotes inside strings', async () => {
    const text = JSON.stringify({
      note: 'a "quoted" [{ not an array',
      errors: [{ code: 1 }],
      'service \\"requests"': REQUESTS,
      tail: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26],
    });
    const tmpDir = bed.path('json-tmp');
    mkdirSync(tmpDir);
    const staged = await stageFile(bed.connection, write('tricky-wrapped.json', text), { tmpDir });
    expect(await bed.rows(staged.table)).toEqual(EXPECTED_ROWS);
    expect(readdirSync(tmpDir)).toEqual([]);
    expect(await findJsonLayout(bed.path('tricky-wrapped.json'))).toMatchObject({
      kind: 'wrapped',
      member: 'service \\"requests"',
    });
  });

  it('stages NDJSON', async () => {
    const text = `${REQUESTS.map((request) => JSON.stringify(request)).join('\n')}\n`;
    const staged = await stageFile(bed.connection, write('requests.ndjson', text));
    expect(await bed.rows(staged.table)).toEqual(EXPECTED_ROWS);
  });

  it('keeps file order for many records', async () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ id: i + 1, text: `诉求${i + 1}` }));
    const staged = await stageFile(bed.connection, write('many.json', JSON.stringify(many)));
    expect(staged.rowCount).toBe(50_000);
    const out = await bed.connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM "${staged.table}" WHERE id <> _row::VARCHAR OR text <> '诉求' || id`,
    );
    expect(out.getRowObjectsJS()).toEqual([{ n: 0 }]);
  });

  it('stages an empty array as an empty table and rejects records that are not objects', async () => {
    expect(await stageFile(bed.connection, write('empty-array.json', '[]'))).toMatchObject({
      rowCount: 0,
      columns: [],
    });
    const scalars = write('scalars.json', '[1, 2]');
    await expect(stageFile(bed.connection, scalars)).rejects.toThrow(
      `${scalars}: JSON records must be objects`,
    );
  });
});
