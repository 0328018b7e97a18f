import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallerIdKind, callerKey, normaliseCallerId } from '@/lib/privacy/caller-key';
import { callerIdSql, callerKeySql } from './caller-key-sql';
import { openTestDuckDB, type TestDuckDB } from './test-duckdb';

let db: TestDuckDB;
beforeAll(async () => {
  db = await openTestDuckDB();
});
afterAll(() => db.close());

const ALPHABET = [...'0123456789１２xX +-()（）　.86张王李市区路号@abc\'"\\😀\t'];
const KINDS: CallerIdKind[] = ['phone', 'id', 'account'];

function randomIdentifier(): string {
  const shape = randomInt(4);
  if (shape === 0) return `+86 1${randomInt(3, 10)}${String(randomInt(1e9)).padStart(9, '0')}`;
  if (shape === 1) return `${randomInt(110000, 660000)}19${randomInt(10, 99)}0101${randomInt(100, 999)}x`;
  return Array.from({ length: randomInt(1, 24) }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

const FIXED = [
  '13812345678',
  '+86 138-1234-5678',
  '0831-2345678',
  '51010219900101123x',
  '张三',
  '',
  ' ',
  null,
];

describe('callerKeySql', () => {
  it('equals node:crypto HMAC-SHA256 for 50 random identifiers of each kind, Chinese text included', async () => {
    const secret = randomBytes(32).toString('hex');
    const inputs = [...FIXED, ...Array.from({ length: 50 }, randomIdentifier)];
    for (const kind of KINDS) {
      expect(await db.evaluate((x) => callerKeySql(x, secret, kind), inputs)).toEqual(
        inputs.map((input) => callerKey(input, secret, kind)),
      );
    }
  });

  it('handles secrets shorter and longer than the 64-byte HMAC block', async () => {
    for (const secret of [randomBytes(16), randomBytes(64), randomBytes(100)]) {
      expect(await db.evaluate((x) => callerKeySql(x, secret, 'phone'), FIXED)).toEqual(
        FIXED.map((input) => callerKey(input, secret, 'phone')),
      );
    }
  });

  it('normalises identifiers the same way as the JS twin', async () => {
    const inputs = [
      '008613812345678',
      '013812345678',
      '（0831）2345678',
      '１３８１２３４５６７８',
      'abc',
      ' 　',
      ' a b ',
    ];
    for (const kind of KINDS) {
      expect(await db.evaluate((x) => callerIdSql(x, kind), inputs)).toEqual(
        inputs.map((input) => normaliseCallerId(input, kind)),
      );
    }
  });

  it('binds as a prepared statement', async () => {
    for (const kind of KINDS) await db.prepare((x) => callerKeySql(x, randomBytes(32).toString('hex'), kind));
  });
});
