import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

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

/** Builds the dashboard for browser tests (`ATLAS_E2E_REUSE_BUILD=1` reuses an existing build while iterating). */
export function buildDashboard(): void {
  const marker = path.resolve('.next/BUILD_ID');
  if (process.env.ATLAS_E2E_REUSE_BUILD === '1' && existsSync(marker)) return;
  execFileSync(process.execPath, [NEXT, 'build'], {
    stdio: 'pipe',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (!statSync(marker, { throwIfNoEntry: false })) throw new Error('next build wrote no .next/BUILD_ID');
}

export interface RunningDashboard {
  url: string;
  stop(): Promise<void>;
}

/** Starts `next start` on a free loopback port against the given warehouse file. */
export async function startDashboard(env: Record<string, string>): Promise<RunningDashboard> {
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
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
