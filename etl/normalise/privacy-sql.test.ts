import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskAddress, maskPersonalData, placeKey } from '@/lib/privacy/mask';
import { ADDRESS_CASES, PLACE_KEY_CASES, TEXT_CASES } from '@/lib/privacy/mask-cases';
import { maskAddressSql, maskTextSql, placeKeySql } from './privacy-sql';
import { openTestDuckDB, type TestDuckDB } from './test-duckdb';

let db: TestDuckDB;
beforeAll(async () => {
  db = await openTestDuckDB();
});
afterAll(() => db.close());

const EXTRA_TEXT = [
  'a13812345678b',
  '1381234567８',
  '电话：(0831)2345678',
  '+1 212.555.0100',
  '😀13812345678😀',
  'ID: 11010519491231002x end',
  '多个 a@b.co, b@c.org.cn',
  '13812345678 13912345678 13712345678 13612345678',
  '0831-2345678-0831-2345678',
  '\r\n13812345678\r\n',
];

describe('privacy SQL twins', () => {
  it('maskTextSql gives the same output as maskPersonalData', async () => {
    const inputs = [...Object.keys(TEXT_CASES), ...EXTRA_TEXT];
    expect(await db.evaluate(maskTextSql, inputs)).toEqual(inputs.map(maskPersonalData));
    expect(await db.evaluate(maskTextSql, Object.keys(TEXT_CASES))).toEqual(Object.values(TEXT_CASES));
  });

  it('maskAddressSql gives the same output as maskAddress', async () => {
    const inputs = [...Object.keys(ADDRESS_CASES), '1栋', '村12号', '第3组', 'A座\n2单元', '5楼'];
    expect(await db.evaluate(maskAddressSql, inputs)).toEqual(inputs.map(maskAddress));
    expect(await db.evaluate(maskAddressSql, Object.keys(ADDRESS_CASES))).toEqual(
      Object.values(ADDRESS_CASES),
    );
  });

  it('placeKeySql gives the same output as placeKey', async () => {
    const inputs = [...Object.keys(PLACE_KEY_CASES), '＃３楼', 'ＡＢＣ路１号', '№5 “花园”·3栋', "O'Brien St"];
    expect(await db.evaluate(placeKeySql, inputs)).toEqual(inputs.map(placeKey));
    expect(await db.evaluate(placeKeySql, Object.keys(PLACE_KEY_CASES))).toEqual(
      Object.values(PLACE_KEY_CASES),
    );
  });

  it('keeps NULL as NULL and binds as prepared statements', async () => {
    for (const build of [maskTextSql, maskAddressSql, placeKeySql]) {
      expect(await db.evaluate(build, [null])).toEqual([null]);
      await db.prepare(build);
    }
  });
});
