import { createHmac } from 'node:crypto';

/** What a caller identifier is; each kind is normalised its own way before keying. */
export type CallerIdKind = 'phone' | 'id' | 'account';

/**
 * The normalisation rules, shared with the SQL twin (etl/normalise/caller-key-sql.ts) and so written in syntax
 * JS and RE2 both read. Full-width digits become ASCII digits first, for every kind.
 */
export const CALLER_ID_RULES = {
  fullWidthDigits: '０１２３４５６７８９',
  /** phone: everything but digits is dropped. */
  phoneDropped: '[^0-9]',
  /** phone: prefixes that do not change who is calling (`0086`, `86`, a trunk `0`) before a mobile number. */
  mobile: '^(?:0086|86|0)?(1[3-9][0-9]{9})$',
  /** id: spaces, brackets, `+`, `-`, `.` are dropped and letters upper-cased (check digit `x` → `X`). */
  idDropped: '[\\t\\n\\v\\f\\r \u3000()（）+.-]',
  /** account: only surrounding whitespace is dropped; platform accounts are case-sensitive. */
  accountTrimmed: '^[\\t\\n\\v\\f\\r \u3000]+|[\\t\\n\\v\\f\\r \u3000]+$',
} as const;

/** Hex characters kept of the HMAC-SHA256: 128 bits, plenty for telling callers apart. */
export const CALLER_KEY_HEX_LENGTH = 32;

const PHONE_DROPPED = new RegExp(CALLER_ID_RULES.phoneDropped, 'gu');
const MOBILE = new RegExp(CALLER_ID_RULES.mobile, 'u');
const ID_DROPPED = new RegExp(CALLER_ID_RULES.idDropped, 'gu');
const ACCOUNT_TRIMMED = new RegExp(CALLER_ID_RULES.accountTrimmed, 'gu');

/**
 * The form of an identifier that is keyed, so that one caller written several ways gets one key: phone →
 * digits only, mobile prefixes removed (`+86 138-1234-5678` → `13812345678`); id → no separators, upper case;
 * account → trimmed. NULL when nothing is left. Same as the SQL twin `callerIdSql`.
 */
export function normaliseCallerId(identifier: string, kind: CallerIdKind): string | null {
  const text = identifier.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  let out: string;
  if (kind === 'phone') out = text.replace(PHONE_DROPPED, '').replace(MOBILE, '$1');
  else if (kind === 'id') out = text.replace(ID_DROPPED, '').toUpperCase();
  else out = text.replace(ACCOUNT_TRIMMED, '');
  return out === '' ? null : out;
}

/**
 * The key bytes of a secret given as hex (what `loadOrCreateSecret` returns) or as bytes. Throws on text that is
 * not hex, without echoing it.
 */
export function secretBytes(secret: string | Uint8Array): Buffer {
  if (typeof secret !== 'string') return Buffer.from(secret);
  if (secret.length === 0 || secret.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(secret)) {
    throw new Error('the caller-key secret must be hex');
  }
  return Buffer.from(secret, 'hex');
}

/**
 * The caller key: lower-case hex HMAC-SHA256(secret, normalised identifier), first 32 characters. It tells repeat
 * callers apart without storing their number, and cannot be reversed by trying all numbers without the secret.
 * NULL when there is no identifier. Same as the SQL twin `callerKeySql`.
 */
export function callerKey(
  identifier: string | null | undefined,
  secret: string | Uint8Array,
  kind: CallerIdKind,
): string | null {
  const normalised = identifier == null ? null : normaliseCallerId(identifier, kind);
  if (normalised === null) return null;
  return createHmac('sha256', secretBytes(secret))
    .update(normalised, 'utf8')
    .digest('hex')
    .slice(0, CALLER_KEY_HEX_LENGTH);
}
