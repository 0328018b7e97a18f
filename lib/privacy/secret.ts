import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_BYTES = 32;
const MIN_ENV_HEX = 32;

/**
 * The per-installation key for caller hashes (bytes). `HOTLINE_SECRET` (hex, at least 32 characters)
 * wins; otherwise the file at `secretPath` holds 64 hex characters, and is created (parent folders too, mode
 * 0600) from 32 random bytes the first time. Throws on a malformed value; the value itself never appears in a
 * message or a log.
 */
export function loadOrCreateSecret(
  secretPath: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Buffer {
  const fromEnv = env.HOTLINE_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_ENV_HEX || !isHex(fromEnv)) {
      throw new Error(`HOTLINE_SECRET must be an even number (≥ ${MIN_ENV_HEX}) of hex characters`);
    }
    return Buffer.from(fromEnv, 'hex');
  }
  const existing = readSecretFile(secretPath);
  if (existing) return existing;
  mkdirSync(path.dirname(secretPath), { recursive: true });
  try {
    writeFileSync(secretPath, `${randomBytes(SECRET_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = readSecretFile(secretPath);
  if (!created) throw new Error(`secret file ${secretPath} vanished while being created`);
  return created;
}

function readSecretFile(secretPath: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(secretPath, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (text.length !== SECRET_BYTES * 2 || !isHex(text)) {
    throw new Error(`secret file ${secretPath} must hold ${SECRET_BYTES * 2} hex characters`);
  }
  return Buffer.from(text, 'hex');
}

function isHex(text: string): boolean {
  return text.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(text);
}
