import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { Role } from '../../lib/auth/roles';
import { signIn } from './session';

const NEXT = path.resolve('node_modules/next/dist/bin/next');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const BUILD_INPUTS = ['app', 'lib', 'public', 'next.config.js', 'package.json', 'tsconfig.json'];

function newestSourceChange(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const child of readdirSync(entry)) visit(path.join(entry, child));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of BUILD_INPUTS) visit(path.resolve(input));
  return newest;
}

/**
 * Builds the dashboard for browser tests unless the build is newer than every source file. Several browser-test
 * files start at once, so one builds while the others wait on a lock directory (mkdir is atomic).
 */
export async function buildDashboard(): Promise<void> {
  const marker = path.resolve('.next/BUILD_ID');
  const lock = path.resolve('.next-build.lock');
  const upToDate = () => (statSync(marker, { throwIfNoEntry: false })?.mtimeMs ?? 0) > newestSourceChange();
  for (;;) {
    if (upToDate()) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building: a lock older than 10 minutes was left by a killed run.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(1000);
    }
  }
  try {
    if (upToDate()) return;
    try {
      execFileSync(process.execPath, [NEXT, 'build'], {
        stdio: 'pipe',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`next build failed:\n${`${stdout ?? ''}${stderr ?? ''}`.slice(-4000)}`);
    }
    if (!statSync(marker, { throwIfNoEntry: false })) throw new Error('next build wrote no .next/BUILD_ID');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface RunningDashboard {
  url: string;
  /** `hotline_session=…` of the account the test reads as (an analyst unless startDashboard was told otherwise). */
  cookie: string;
  /** A browser page signed in as that account. */
  newPage(browser: Browser, options?: BrowserContextOptions): Promise<Page>;
  /** fetch with that account's session. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** What the server printed so far (its log explains a 500 or a failed sign-in). */
  output(): string;
  /** The `next start` process (a benchmark reads its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `next start` on a free loopback port against the given warehouse file, with an account of `role` (analyst
 * by default) signed in for the test: a real account in the server's accounts file and a real session cookie.
 */
export async function startDashboard(
  env: Record<string, string>,
  options: { role?: Role } = {},
): Promise<RunningDashboard> {
  const session = await signIn(options.role ?? 'analyst', {}, undefined, env);
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [NEXT, 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${output}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s: ${output}`);
    await sleep(250);
  }
  const [name, ...value] = session.cookie.split('=');
  return {
    url,
    cookie: session.cookie,
    output: () => output,
    pid: child.pid as number,
    newPage: async (browser, contextOptions) => {
      const context = await browser.newContext(contextOptions);
      await context.addCookies([{ name: name as string, value: value.join('='), url }]);
      const page = await context.newPage();
      // Closing the page closes its context too, as browser.newPage() pages do.
      // (After the browser itself has closed there is nothing left to close.)
      page.once('close', () => {
        context.close().catch(() => undefined);
      });
      return page;
    },
    fetch: (target, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', session.cookie);
      return fetch(target, { ...init, headers });
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
