import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AccountError,
  changeAccount,
  createAccount,
  LOCKOUT,
  lockedUntil,
  setPassword,
  signInWithPassword,
} from './accounts';
import { hashPassword, verifyPassword } from './passwords';

const dir = mkdtempSync(path.join(tmpdir(), 'accounts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CLIENT = { ip: '127.0.0.1' };

describe('passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword('correct horse battery', a)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', a)).resolves.toBe(false);
    await expect(verifyPassword('anything', 'plain-text')).resolves.toBe(false);
  });
});

describe('lockout', () => {
  it('waits a minute after five failures in a row and doubles with each further one, up to an hour', () => {
    const at = 1_000_000;
    expect(lockedUntil({ failures: LOCKOUT.freeFailures - 1, lastFailureAt: at })).toBeNull();
    expect(lockedUntil({ failures: 5, lastFailureAt: at })).toBe(at + 60_000);
    expect(lockedUntil({ failures: 6, lastFailureAt: at })).toBe(at + 120_000);
    expect(lockedUntil({ failures: 30, lastFailureAt: at })).toBe(at + 3_600_000);
  });

  it('locks a name after repeated wrong passwords, refuses even the right one until the wait is over', async () => {
    const file = path.join(dir, 'lock.jsonl');
    await createAccount(file, { username: 'zhang', role: 'analyst', password: 'a-long-password-1' }, 'test');
    const t0 = new Date('2026-01-05T09:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    for (let i = 0; i < 4; i++)
      expect(await signInWithPassword(file, 'zhang', 'wrong-password!', CLIENT, at(i))).toEqual({
        ok: false,
        reason: 'invalid',
      });
    expect(await signInWithPassword(file, 'zhang', 'wrong-password!', CLIENT, at(4))).toEqual({
      ok: false,
      reason: 'locked',
      retryAfterSeconds: 60,
    });
    expect(await signInWithPassword(file, 'zhang', 'a-long-password-1', CLIENT, at(30))).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    expect(await signInWithPassword(file, 'zhang', 'a-long-password-1', CLIENT, at(65))).toMatchObject({
      ok: true,
    });
    // A success resets the count: one more failure is just a failure.
    expect(await signInWithPassword(file, 'zhang', 'wrong-password!', CLIENT, at(70))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('treats an unknown name exactly like a wrong password, lockout included', async () => {
    const file = path.join(dir, 'unknown.jsonl');
    const t0 = Date.parse('2026-01-05T09:00:00Z');
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(
        await signInWithPassword(file, 'nobody', 'whatever-it-is', CLIENT, new Date(t0 + i * 1000)),
      );
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'locked',
      'locked',
    ]);
  });
});

describe('accounts', () => {
  it('refuses short passwords, duplicate names and scopes that do not fit the role', async () => {
    const file = path.join(dir, 'rules.jsonl');
    await expect(
      createAccount(file, { username: 'li', role: 'analyst', password: 'short' }, 't'),
    ).rejects.toThrow(AccountError);
    await expect(createAccount(file, { username: 'li', role: 'office' }, 't')).rejects.toThrow(/region/);
    await expect(
      createAccount(file, { username: 'li', role: 'analyst', region: '511502' }, 't'),
    ).rejects.toThrow(/only office/);
    await createAccount(file, { username: 'li', role: 'office', region: '511502' }, 't');
    await expect(createAccount(file, { username: 'li', role: 'analyst' }, 't')).rejects.toThrow(/exists/);
  });

  it('a new password or disabling an account bumps its version, which ends its sessions', async () => {
    const file = path.join(dir, 'version.jsonl');
    const created = await createAccount(
      file,
      { username: 'wang', role: 'analyst', password: 'first-password-1' },
      't',
    );
    await setPassword(file, 'wang', 'second-password-2', 'admin');
    const disabled = await changeAccount(file, 'wang', { disabled: true }, 'admin');
    expect([created.version, disabled.version]).toEqual([1, 3]);
    expect(await signInWithPassword(file, 'wang', 'second-password-2', CLIENT)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
