import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageFile } from './index';
import { openTestbed, type ReaderTestbed } from './test-support';

let bed: ReaderTestbed;
beforeAll(async () => {
  bed = await openTestbed();
});
afterAll(() => bed.close());

describe('Parquet', () => {
  it('stages every column as text, in file order, first record = row 1', async () => {
    const path = bed.path('tickets.parquet');
    await bed.connection.run(
      `COPY (SELECT * FROM (VALUES
         (101, TIMESTAMP '2024-03-05 08:01:00', 1.5, '  积水 ', {'lat': 28.7}, [1, 2], NULL),
         (102, TIMESTAMP '2024-03-06 09:00:00', NULL, '', NULL, NULL, true)
       ) t("id", "received at", "score", "诉求", "point", "codes", "flag")) TO '${path}' (FORMAT parquet)`,
    );
    const staged = await stageFile(bed.connection, path);
    expect(staged).toMatchObject({ format: 'parquet', rowCount: 2, readerRejects: [] });
    expect(staged.columns).toEqual(['id', 'received at', 'score', '诉求', 'point', 'codes', 'flag']);
    expect(await bed.rows(staged.table)).toEqual([
      {
        _row: 1,
        id: '101',
        'received at': '2024-03-05 08:01:00',
        score: '1.5',
        诉求: '积水',
        point: '{"lat":28.7}',
        codes: '[1,2]',
        flag: null,
      },
      {
        _row: 2,
        id: '102',
        'received at': '2024-03-06 09:00:00',
        score: null,
        诉求: null,
        point: null,
        codes: null,
        flag: 'true',
      },
    ]);
  });

  it('names a file that is not Parquet in its error', async () => {
    const path = bed.path('broken.parquet');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, 'not parquet');
    await expect(stageFile(bed.connection, path)).rejects.toThrow(`${path}: cannot read as Parquet`);
  });
});
