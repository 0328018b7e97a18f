import { createHash } from 'node:crypto';
import {
  CALLER_ID_RULES,
  CALLER_KEY_HEX_LENGTH,
  type CallerIdKind,
  secretBytes,
} from '@/lib/privacy/caller-key';
import { sqlString } from '../../lib/sql/quote';

const BLOCK_BYTES = 64;
/** A mobile number as CALLER_ID_RULES.mobile keys it: what normalisation leaves unchanged. */
const BARE_MOBILE = '1[3-9][0-9]{9}';

/** SQL twin of `normaliseCallerId` (lib/privacy/caller-key.ts): the identifier as it is keyed; blank → NULL. */
export function callerIdSql(expr: string, kind: CallerIdKind): string {
  const rules = CALLER_ID_RULES;
  const text = `translate(${expr}, ${sqlString(rules.fullWidthDigits)}, '0123456789')`;
  let out: string;
  if (kind === 'phone') {
    const digits = `regexp_replace(${text}, ${sqlString(rules.phoneDropped)}, '', 'g')`;
    const general = `regexp_replace(${digits}, ${sqlString(rules.mobile)}, '\\1')`;
    // Most numbers are written as a bare mobile number, which every step above leaves as it is: one match
    // instead of a translate and two replaces (the translate alone cost a second per million rows).
    out = `CASE WHEN regexp_full_match(${expr}, ${sqlString(BARE_MOBILE)}) THEN ${expr} ELSE ${general} END`;
  } else if (kind === 'id') {
    out = `upper(regexp_replace(${text}, ${sqlString(rules.idDropped)}, '', 'g'))`;
  } else {
    out = `regexp_replace(${text}, ${sqlString(rules.accountTrimmed)}, '', 'g')`;
  }
  return `nullif(${out}, '')`;
}

/**
 * SQL twin of `callerKey`, computed by DuckDB with no per-row JavaScript:
 * HMAC(K, m) = sha256((K ⊕ opad) ‖ sha256((K ⊕ ipad) ‖ m)). `secret` is hex (as `loadOrCreateSecret` returns it)
 * or bytes. The two padded keys are derived here and enter the SQL as hex constants, so the statement text holds
 * key material: do not log it.
 */
export function callerKeySql(expr: string, secret: string | Uint8Array, kind: CallerIdKind): string {
  const { inner, outer } = paddedKeys(secretBytes(secret));
  const message = `encode(${callerIdSql(expr, kind)})`;
  const innerHash = `sha256(unhex('${inner}') || ${message})`;
  return `left(sha256(unhex('${outer}') || unhex(${innerHash})), ${CALLER_KEY_HEX_LENGTH})`;
}

function paddedKeys(secret: Buffer): { inner: string; outer: string } {
  const key = Buffer.alloc(BLOCK_BYTES);
  (secret.length > BLOCK_BYTES ? createHash('sha256').update(secret).digest() : secret).copy(key);
  const inner = Buffer.from(key.map((byte) => byte ^ 0x36));
  const outer = Buffer.from(key.map((byte) => byte ^ 0x5c));
  return { inner: inner.toString('hex'), outer: outer.toString('hex') };
}
