import { statSync } from 'node:fs';
import { z } from 'zod';
import { type AppEvent, appendEvent, readEvents } from '../appdb/event-log';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { ROLES, type Role, type Viewer } from './roles';

/**
 * Accounts and sign-in attempts as an append-only log (lib/appdb): creating an account, changing its role or scope,
 * a new password, each failed and successful sign-in is one event, so the file is also the trail of who changed
 * whom. The current state is a fold over it, cached until the file changes.
 */
export interface Account {
  username: string;
  role: Role;
  region: string | null;
  department: string | null;
  /** Null for accounts that sign in only through single sign-on. */
  passwordHash: string | null;
  disabled: boolean;
  /** Bumped when the password changes or the account is disabled: sessions issued before stop working. */
  version: number;
  createdAt: string;
}

interface Attempts {
  /** Failed sign-ins since the last success. */
  failures: number;
  lastFailureAt: number;
}

export interface AccountsState {
  accounts: Map<string, Account>;
  /** Kept for every name tried, known or not, so an unknown name locks exactly like a known one. */
  attempts: Map<string, Attempts>;
}

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}._@-]{1,64}$/u, 'letters, digits and . _ @ - only, at most 64');

export const scopeSchema = z.object({
  role: z.enum(ROLES),
  region: z
    .string()
    .regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'a 6-, 9- or 12-digit region code')
    .nullable()
    .optional(),
  department: z.string().trim().min(1).max(80).nullable().optional(),
});

/** Office accounts need their region and department accounts their department; nobody else has a scope. */
export function scopeProblem(scope: z.infer<typeof scopeSchema>): string | null {
  if (scope.role === 'office' && !scope.region) return 'an office account needs its region code';
  if (scope.role === 'department' && !scope.department) return 'a department account needs its department';
  if (scope.role !== 'office' && scope.region) return 'only office accounts have a region';
  if (scope.role !== 'department' && scope.department) return 'only department accounts have a department';
  return null;
}

export class AccountError extends Error {}

/** After this many failures in a row a name is locked; each further failure doubles the wait, up to an hour. */
export const LOCKOUT = { freeFailures: 5, firstLockMs: 60_000, maxLockMs: 3_600_000 };

export function lockedUntil(attempts: Attempts | undefined): number | null {
  if (!attempts || attempts.failures < LOCKOUT.freeFailures) return null;
  const wait = Math.min(
    LOCKOUT.firstLockMs * 2 ** (attempts.failures - LOCKOUT.freeFailures),
    LOCKOUT.maxLockMs,
  );
  return attempts.lastFailureAt + wait;
}

function fold(events: AppEvent[]): AccountsState {
  const accounts = new Map<string, Account>();
  const attempts = new Map<string, Attempts>();
  for (const event of events) {
    const name = event.subject;
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    const account = accounts.get(name);
    switch (event.type) {
      case 'account.created':
        accounts.set(name, {
          username: name,
          role: payload.role as Role,
          region: (payload.region as string | null) ?? null,
          department: (payload.department as string | null) ?? null,
          passwordHash: (payload.passwordHash as string | null) ?? null,
          disabled: false,
          version: 1,
          createdAt: event.at,
        });
        break;
      case 'account.changed':
        if (!account) break;
        if (payload.role !== undefined) account.role = payload.role as Role;
        if (payload.region !== undefined) account.region = payload.region as string | null;
        if (payload.department !== undefined) account.department = payload.department as string | null;
        if (payload.disabled !== undefined && payload.disabled !== account.disabled) {
          account.disabled = payload.disabled as boolean;
          account.version++;
        }
        break;
      case 'account.password':
        if (!account) break;
        account.passwordHash = payload.passwordHash as string;
        account.version++;
        attempts.delete(name);
        break;
      case 'signin.failed': {
        const previous = attempts.get(name);
        attempts.set(name, { failures: (previous?.failures ?? 0) + 1, lastFailureAt: Date.parse(event.at) });
        break;
      }
      case 'signin.succeeded':
        attempts.delete(name);
        break;
    }
  }
  return { accounts, attempts };
}

const cache = new Map<string, { key: string; state: AccountsState }>();

/**
 * The accounts as of now; re-read only when the file changed (size or modification time). The check runs on every
 * request, so it is a synchronous stat (tens of microseconds): an asynchronous one waits for a libuv worker, and
 * under load those are busy running DuckDB queries.
 */
export async function readAccounts(file: string): Promise<AccountsState> {
  const info = statSync(file, { throwIfNoEntry: false });
  const key = info ? `${info.size}:${info.mtimeMs}` : 'missing';
  const hit = cache.get(file);
  if (hit && hit.key === key) return hit.state;
  const { events } = await readEvents(file);
  const state = fold(events);
  cache.set(file, { key, state });
  return state;
}

export interface NewAccount {
  username: string;
  role: Role;
  region?: string | null;
  department?: string | null;
  /** Omit for a single-sign-on-only account. */
  password?: string;
}

export async function createAccount(file: string, input: NewAccount, actor: string): Promise<Account> {
  const username = usernameSchema.parse(input.username);
  const scope = scopeSchema.parse({ role: input.role, region: input.region, department: input.department });
  const problem = scopeProblem(scope);
  if (problem) throw new AccountError(problem);
  if ((await readAccounts(file)).accounts.has(username))
    throw new AccountError(`an account "${username}" exists already`);
  if (input.password !== undefined) {
    const weak = passwordProblem(input.password);
    if (weak) throw new AccountError(`password: ${weak}`);
  }
  await appendEvent(file, {
    type: 'account.created',
    actor,
    subject: username,
    payload: {
      role: scope.role,
      region: scope.region ?? null,
      department: scope.department ?? null,
      passwordHash: input.password === undefined ? null : await hashPassword(input.password),
    },
  });
  const created = (await readAccounts(file)).accounts.get(username);
  if (!created) throw new AccountError(`the account "${username}" was not stored`);
  return created;
}

export async function changeAccount(
  file: string,
  username: string,
  change: { role?: Role; region?: string | null; department?: string | null; disabled?: boolean },
  actor: string,
): Promise<Account> {
  const account = (await readAccounts(file)).accounts.get(username);
  if (!account) throw new AccountError(`no account "${username}"`);
  const next = scopeSchema.parse({
    role: change.role ?? account.role,
    region: change.region !== undefined ? change.region : account.region,
    department: change.department !== undefined ? change.department : account.department,
  });
  const problem = scopeProblem(next);
  if (problem) throw new AccountError(problem);
  await appendEvent(file, { type: 'account.changed', actor, subject: username, payload: change });
  return (await readAccounts(file)).accounts.get(username) as Account;
}

export async function setPassword(
  file: string,
  username: string,
  password: string,
  actor: string,
): Promise<void> {
  if (!(await readAccounts(file)).accounts.has(username)) throw new AccountError(`no account "${username}"`);
  const weak = passwordProblem(password);
  if (weak) throw new AccountError(`password: ${weak}`);
  await appendEvent(file, {
    type: 'account.password',
    actor,
    subject: username,
    payload: { passwordHash: await hashPassword(password) },
  });
}

export type SignInResult =
  | { ok: true; account: Account }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

/**
 * Checks a password, with lockout and back-off: after LOCKOUT.freeFailures failures in a row the name is refused
 * without checking the password until the wait is over, and the wait doubles with each further failure. Unknown
 * names, disabled and SSO-only accounts answer exactly like a wrong password (same time, same message).
 */
export async function signInWithPassword(
  file: string,
  username: string,
  password: string,
  client: { ip: string },
  now: Date = new Date(),
): Promise<SignInResult> {
  const state = await readAccounts(file);
  const locked = lockedUntil(state.attempts.get(username));
  if (locked !== null && locked > now.getTime())
    return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((locked - now.getTime()) / 1000) };
  const account = state.accounts.get(username);
  const usable = account && !account.disabled && account.passwordHash;
  const matches = await verifyPassword(
    password,
    usable ? (account.passwordHash as string) : await decoyHash(),
  );
  if (usable && matches) {
    await appendEvent(
      file,
      {
        type: 'signin.succeeded',
        actor: username,
        subject: username,
        payload: { method: 'password', ...client },
      },
      now,
    );
    return { ok: true, account };
  }
  await appendEvent(
    file,
    { type: 'signin.failed', actor: username, subject: username, payload: { method: 'password', ...client } },
    now,
  );
  const after = lockedUntil((await readAccounts(file)).attempts.get(username));
  if (after !== null && after > now.getTime())
    return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((after - now.getTime()) / 1000) };
  return { ok: false, reason: 'invalid' };
}

/** Records a single-sign-on success for an existing, enabled account; null when there is none. */
export async function signInWithSso(
  file: string,
  username: string,
  client: { ip: string },
): Promise<Account | null> {
  const account = (await readAccounts(file)).accounts.get(username);
  if (!account || account.disabled) {
    await appendEvent(file, {
      type: 'signin.failed',
      actor: username,
      subject: username,
      payload: { method: 'oidc', ...client },
    });
    return null;
  }
  await appendEvent(file, {
    type: 'signin.succeeded',
    actor: username,
    subject: username,
    payload: { method: 'oidc', ...client },
  });
  return account;
}

export function viewerOf(account: Account): Viewer {
  return {
    username: account.username,
    role: account.role,
    ...(account.region ? { region: account.region } : {}),
    ...(account.department ? { department: account.department } : {}),
  };
}
