import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDuckDB, type TestDuckDB } from './test-duckdb';
import { type TimestampOptions, timestampSql } from './timestamp';

let db: TestDuckDB;
beforeAll(async () => {
  db = await openTestDuckDB();
});
afterAll(() => db.close());

const shanghai: TimestampOptions = { sourceTimeZone: 'Asia/Shanghai', deploymentTimeZone: 'Asia/Shanghai' };
const newYork: TimestampOptions = {
  sourceTimeZone: 'America/New_York',
  deploymentTimeZone: 'America/New_York',
};

async function parse(options: TimestampOptions, inputs: (string | null)[]): Promise<unknown[]> {
  return db.evaluate((x) => `CAST(${timestampSql(x, options)} AS VARCHAR)`, inputs);
}

async function expectParsed(options: TimestampOptions, cases: Record<string, string | null>): Promise<void> {
  const inputs = Object.keys(cases);
  const outputs = await parse(options, inputs);
  expect(Object.fromEntries(inputs.map((input, i) => [input, outputs[i]]))).toEqual(cases);
}

describe('timestampSql', () => {
  it('reads the Chinese export forms as Shanghai wall-clock time', async () => {
    await expectParsed(shanghai, {
      '2024/3/5 8:01': '2024-03-05 08:01:00',
      '2024/03/05 08:01:02': '2024-03-05 08:01:02',
      '2024-03-05 08:01:02': '2024-03-05 08:01:02',
      '2024-03-05T08:01:02': '2024-03-05 08:01:02',
      '2024-03-05 08:01:02.250': '2024-03-05 08:01:02.25',
      '2024-03-05': '2024-03-05 00:00:00',
      '2024-3-5 8:1': '2024-03-05 08:01:00',
      '2024.3.5 8:01': '2024-03-05 08:01:00',
      '2024年3月5日 8时1分': '2024-03-05 08:01:00',
      '2024年3月5日8时1分5秒': '2024-03-05 08:01:05',
      '2024年03月05日 08:01': '2024-03-05 08:01:00',
      '2024年3月5日': '2024-03-05 00:00:00',
      ' 2024-03-05 08:01:02 ': '2024-03-05 08:01:02',
      '20240305080102': '2024-03-05 08:01:02',
      '20240305': '2024-03-05 00:00:00',
      '45356.33403': '2024-03-05 08:01:00',
      '45356': '2024-03-05 00:00:00',
    });
  });

  it('converts instants with an offset or Z to the deployment zone', async () => {
    await expectParsed(shanghai, {
      '2024-03-05T08:01:02+08:00': '2024-03-05 08:01:02',
      '2024-03-05T00:01:02Z': '2024-03-05 08:01:02',
      '2022-05-01T04:00:03.000Z': '2022-05-01 12:00:03',
      '2024-03-05T08:01:02-05:00': '2024-03-05 21:01:02',
      '2024-03-05 08:01:02 +0800': '2024-03-05 08:01:02',
      '2024-03-05T08:01:02.5+09': '2024-03-05 07:01:02.5',
    });
  });

  it('reads NYC and LA 311 forms, 12 AM as midnight and two-digit years pivoting at 70', async () => {
    await expectParsed(newYork, {
      '05/01/2022 12:00:03 AM': '2022-05-01 00:00:03',
      '05/01/2022 12:00:03 PM': '2022-05-01 12:00:03',
      '05/01/2022 01:30:00 PM': '2022-05-01 13:30:00',
      '1/1/20 0:05': '2020-01-01 00:05:00',
      '12/31/99 23:59': '1999-12-31 23:59:00',
      '1/1/69 0:05': '2069-01-01 00:05:00',
      '1/1/70 0:05': '1970-01-01 00:05:00',
      '1/1/00': '2000-01-01 00:00:00',
      '3/7/2024': '2024-03-07 00:00:00',
      '2022-05-01T00:00:03.000': '2022-05-01 00:00:03',
    });
  });

  it('reads slash dates day-first when asked', async () => {
    await expectParsed(
      { ...shanghai, dayFirst: true },
      {
        '05/01/2022 10:00': '2022-01-05 10:00:00',
        '31/12/99': '1999-12-31 00:00:00',
        '2024/3/5': '2024-03-05 00:00:00',
      },
    );
  });

  it('moves naive times between zones across DST in America/New_York', async () => {
    const nyToShanghai = { sourceTimeZone: 'America/New_York', deploymentTimeZone: 'Asia/Shanghai' };
    await expectParsed(nyToShanghai, {
      '2024-03-09 12:00:00': '2024-03-10 01:00:00',
      '2024-03-10 12:00:00': '2024-03-11 00:00:00',
      '2024-03-10 02:30:00': '2024-03-10 15:30:00',
      '2024-11-03 01:30:00': '2024-11-03 14:30:00',
      '2024-11-03 12:00:00': '2024-11-04 01:00:00',
    });
    const utcToNewYork = { sourceTimeZone: 'UTC', deploymentTimeZone: 'America/New_York' };
    await expectParsed(utcToNewYork, {
      '2024-03-10 06:59:59': '2024-03-10 01:59:59',
      '2024-03-10 07:00:00': '2024-03-10 03:00:00',
      '2024-11-03 05:30:00': '2024-11-03 01:30:00',
      '2024-11-03 06:30:00': '2024-11-03 01:30:00',
    });
    await expectParsed(newYork, { '2024-07-04T12:00:00Z': '2024-07-04 08:00:00' });
  });

  it('returns NULL for garbage, out-of-range serials and impossible dates', async () => {
    await expectParsed(shanghai, {
      '2024-13-45': null,
      'not a date': null,
      '0': null,
      '': null,
      '2023-02-29': null,
      '2024-03-05 25:00': null,
      '12345': null,
      '99999': null,
      '1700000000': null,
      '2024-03-05T08:01:02+08:00 extra': null,
    });
    expect(await parse(shanghai, [null])).toEqual([null]);
  });

  it('reads Unix epochs only when the mapping names them', async () => {
    await expectParsed(
      { ...shanghai, formats: ['epoch_s'] },
      {
        '1709596862': '2024-03-05 08:01:02',
        '1709596862.5': '2024-03-05 08:01:02.5',
        '2024-03-05 08:01:02': null,
        abc: null,
      },
    );
    await expectParsed({ ...shanghai, formats: ['epoch_ms'] }, { '1709596862000': '2024-03-05 08:01:02' });
  });

  it('uses the mapping patterns before, or instead of, the built-in ones', async () => {
    await expectParsed(
      { ...shanghai, formats: ['%d.%m.%Y %H:%M'] },
      {
        '05.03.2024 08:01': '2024-03-05 08:01:00',
        '2024-03-05 08:01:02': null,
      },
    );
    await expectParsed(
      { ...shanghai, formats: ['%d-%m-%y', 'auto'] },
      {
        '05-03-69': '2069-03-05 00:00:00',
        '2024-03-05 08:01:02': '2024-03-05 08:01:02',
      },
    );
    await expectParsed(
      { ...newYork, formats: ['%Y-%m-%d %H:%M:%S%z'] },
      {
        '2024-03-05 08:01:02+08:00': '2024-03-04 19:01:02',
      },
    );
    expect(() => timestampSql('x', { ...shanghai, formats: ['epoch'] })).toThrow(/unknown timestamp format/);
  });

  it('binds as a prepared statement and rejects an unknown zone', async () => {
    await db.prepare((x) => timestampSql(x, { ...newYork, formats: ['auto', 'epoch_ms'] }));
    await db.prepare((x) => timestampSql(x, { ...shanghai, formats: ['excel'] }));
    await expect(
      db.evaluate((x) => timestampSql(x, { ...shanghai, sourceTimeZone: "Mars/Olympus'" }), ['2024-03-05']),
    ).rejects.toThrow(/TimeZone/);
  });
});
