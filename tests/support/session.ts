import { randomBytes } from 'node:crypto';
import { createAccount, readAccounts } from '../../lib/auth/accounts';
import type { Role } from '../../lib/auth/roles';
import { sessionCookie } from '../../lib/auth/session';
import { loadAuthSettings } from '../../lib/auth/settings';

/**
 * Signed-in requests for tests that call route handlers in process: a real account in the test's accounts file
 * (beside HOTLINE_DB) and a real sealed session cookie, checked by the routes exactly as in production.
 */
export interface TestAccount {
  username: string;
  password: string;
  /** `hotline_session=…`, for a Cookie header. */
  cookie: string;
}

/** Creates (once) an account with this role and scope and returns a session for it. */
export async function signIn(
  role: Role,
  scope: { region?: string; department?: string } = {},
  username = `${role}${scope.region ?? ''}${scope.department ? `-${randomBytes(3).toString('hex')}` : ''}`,
  /** The server's environment when it is another process (HOTLINE_DB and friends); this process's by default. */
  env: Record<string, string> = {},
): Promise<TestAccount> {
  const settings = loadAuthSettings({ ...process.env, ...env });
  const password = `test-${randomBytes(9).toString('base64url')}`;
  const existing = (await readAccounts(settings.accountsPath)).accounts.get(username);
  const account =
    existing ??
    (await createAccount(
      settings.accountsPath,
      { username, role, region: scope.region ?? null, department: scope.department ?? null, password },
      'test',
    ));
  const cookie = (await sessionCookie(account, settings)).split(';')[0] as string;
  return { username, password: existing ? '' : password, cookie };
}

let defaultCookie: string | null = null;

/** Signs in the analyst that `signedRequest` uses (buildSampleWarehouse does this). */
export async function startDefaultSession(role: Role = 'analyst'): Promise<void> {
  defaultCookie = (await signIn(role)).cookie;
}

/**
 * A Request as the signed-in analyst's browser sends it: their session cookie, and for POSTs the page's own Origin
 * (what a same-origin fetch carries).
 */
export function signedRequest(url: string, init: RequestInit = {}, cookie = defaultCookie): Request {
  if (!cookie)
    throw new Error('no test session: call startDefaultSession() (buildSampleWarehouse does) first');
  const headers = new Headers(init.headers);
  headers.set('cookie', cookie);
  if (init.method && init.method !== 'GET' && !headers.has('origin'))
    headers.set('origin', new URL(url).origin);
  return new Request(url, { ...init, headers });
}
