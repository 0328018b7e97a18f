import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import { readAccounts, viewerOf } from './accounts';
import type { Viewer } from './roles';
import { SESSION_COOKIE } from './session-cookie-name';
import { type AuthSettings, loadAuthSettings } from './settings';

/**
 * Sessions: iron-session seals { user, account version, issued at } into an HTTP-only, SameSite=Lax cookie
 * (AES-256-CBC + HMAC-SHA-256, with the key in a file outside the database). The role and scope are not in the
 * cookie: they are read from the accounts on every request, so a change by an administrator applies at once, and a
 * new password or a disabled account ends every session issued before (the version no longer matches).
 */
export { SESSION_COOKIE };

const sessionSchema = z.object({ u: z.string(), v: z.number().int(), iat: z.number() });

const secrets = new Map<string, Promise<string>>();

/** The sealing key, created (0600) on first use; two processes racing to create it both end up reading one file. */
export function sessionSecret(file: string): Promise<string> {
  let secret = secrets.get(file);
  if (!secret) {
    secret = (async () => {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 }).catch(
        (error) => {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        },
      );
      const text = (await readFile(file, 'utf8')).trim();
      if (text.length < 32) throw new Error(`${file}: the session key must be at least 32 characters`);
      return text;
    })();
    secret.catch(() => secrets.delete(file));
    secrets.set(file, secret);
  }
  return secret;
}

function cookieAttributes(settings: AuthSettings, maxAge: number): string {
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${settings.cookieSecure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that starts a session for this account. */
export async function sessionCookie(
  account: { username: string; version: number },
  settings: AuthSettings = loadAuthSettings(),
  now: Date = new Date(),
): Promise<string> {
  const ttl = settings.sessionHours * 3600;
  const seal = await sealData(
    { u: account.username, v: account.version, iat: now.getTime() },
    { password: await sessionSecret(settings.sessionSecretPath), ttl },
  );
  return `${SESSION_COOKIE}=${seal}; ${cookieAttributes(settings, ttl)}`;
}

/** The Set-Cookie value that ends the session. */
export function endSessionCookie(settings: AuthSettings = loadAuthSettings()): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(settings, 0)}`;
}

/**
 * Who the cookie belongs to, or null: a missing, tampered or expired seal, an unknown or disabled account, or one
 * whose password changed since the session began.
 */
export async function viewerFromSession(
  seal: string | undefined,
  settings: AuthSettings = loadAuthSettings(),
): Promise<Viewer | null> {
  if (!seal) return null;
  const session = await unsealSession(seal, settings);
  if (!session) return null;
  if (Date.now() - session.iat > settings.sessionHours * 3_600_000) return null;
  const account = (await readAccounts(settings.accountsPath)).accounts.get(session.u);
  if (!account || account.disabled || account.version !== session.v) return null;
  return viewerOf(account);
}

type SessionData = z.infer<typeof sessionSchema>;

/**
 * Unsealed sessions by their exact seal: unsealing costs about 1.5 ms (key derivation and HMAC in WebCrypto), more
 * than many queries, and a reader sends the same seal with every request. A seal's content never changes, so the
 * cache cannot be wrong; expiry and the account are still checked on every request. Bounded, oldest dropped.
 */
const unsealed = new Map<string, SessionData | null>();
const UNSEALED_MAX = 2000;

async function unsealSession(seal: string, settings: AuthSettings): Promise<SessionData | null> {
  const key = `${settings.sessionSecretPath}\n${seal}`;
  if (unsealed.has(key)) return unsealed.get(key) ?? null;
  let session: SessionData | null = null;
  try {
    const data = await unsealData(seal, {
      password: await sessionSecret(settings.sessionSecretPath),
      ttl: settings.sessionHours * 3600,
    });
    const parsed = sessionSchema.safeParse(data);
    session = parsed.success ? parsed.data : null;
  } catch {
    session = null;
  }
  if (unsealed.size >= UNSEALED_MAX) unsealed.delete(unsealed.keys().next().value as string);
  unsealed.set(key, session);
  return session;
}

/** A cookie's value from a Cookie request header. */
export function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function viewerFromRequest(request: Request, settings?: AuthSettings): Promise<Viewer | null> {
  return viewerFromSession(cookieValue(request.headers.get('cookie'), SESSION_COOKIE), settings);
}
