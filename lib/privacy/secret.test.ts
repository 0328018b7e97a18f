import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecret } from './secret';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hotline-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadOrCreateSecret', () => {
  it('creates a 32-byte secret with mode 0600 and parent folders, then reads the same one back', () => {
    const file = path.join(dir, 'nested', 'deeper', 'hotline.secret');
    const created = loadOrCreateSecret(file, {});
    expect(created).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(created.toString('hex'));
    expect(loadOrCreateSecret(file, {}).equals(created)).toBe(true);
  });

  it('lets HOTLINE_SECRET override the file without creating it', () => {
    const file = path.join(dir, 'hotline.secret');
    const hex = 'ab'.repeat(16);
    expect(loadOrCreateSecret(file, { HOTLINE_SECRET: hex.toUpperCase() }).toString('hex')).toBe(hex);
    expect(() => statSync(file)).toThrow();
  });

  it('rejects malformed secrets without echoing them', () => {
    const file = path.join(dir, 'hotline.secret');
    writeFileSync(file, 'not-hex-at-all');
    expect(() => loadOrCreateSecret(file, {})).toThrow(/64 hex characters/);
    expect(() => loadOrCreateSecret(file, { HOTLINE_SECRET: 'abc123' })).toThrow(/HOTLINE_SECRET/);
    try {
      loadOrCreateSecret(file, { HOTLINE_SECRET: 'zz'.repeat(20) });
    } catch (error) {
      expect((error as Error).message).not.toContain('zz'.repeat(20));
    }
  });
});
