import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callerKey, normaliseCallerId, secretBytes } from './caller-key';

const SECRET_HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('normaliseCallerId', () => {
  it('reduces the ways one phone number is written to its digits', () => {
    const written = [
      '138 1234 5678',
      '+86 138-1234-5678',
      '8613812345678',
      '008613812345678',
      '013812345678',
      '（138）12345678',
      '１３８１２３４５６７８',
    ];
    expect(written.map((p) => normaliseCallerId(p, 'phone'))).toEqual(
      Array(written.length).fill('13812345678'),
    );
    expect(normaliseCallerId('0831-2345678', 'phone')).toBe('08312345678');
    expect(normaliseCallerId('无', 'phone')).toBeNull();
  });

  it('upper-cases ID numbers and only trims accounts', () => {
    expect(normaliseCallerId(' 510102 19900101 123x ', 'id')).toBe('51010219900101123X');
    expect(normaliseCallerId('　wx_OpenId-Ab ', 'account')).toBe('wx_OpenId-Ab');
    expect(normaliseCallerId(' 　- ', 'id')).toBeNull();
  });
});

describe('callerKey', () => {
  it('is the truncated HMAC-SHA256 of the normalised identifier', () => {
    const expected = createHmac('sha256', Buffer.from(SECRET_HEX, 'hex'))
      .update('13812345678')
      .digest('hex')
      .slice(0, 32);
    expect(callerKey('+86 138 1234 5678', SECRET_HEX, 'phone')).toBe(expected);
    expect(callerKey('13812345678', Buffer.from(SECRET_HEX, 'hex'), 'phone')).toBe(expected);
  });

  it('depends on the secret and is NULL for no identifier', () => {
    expect(callerKey('13812345678', 'ab'.repeat(32), 'phone')).not.toBe(
      callerKey('13812345678', SECRET_HEX, 'phone'),
    );
    expect(callerKey(null, SECRET_HEX, 'phone')).toBeNull();
    expect(callerKey('', SECRET_HEX, 'account')).toBeNull();
  });

  it('refuses a secret that is not hex', () => {
    expect(() => secretBytes('not hex')).toThrow(/must be hex/);
  });
});
