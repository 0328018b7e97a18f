import type { Server } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExports } from '../../etl/cli/commands/demo';
import { createAccount } from '../../lib/auth/accounts';
import { loadAuthSettings } from '../../lib/auth/settings';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { buildDashboard, type RunningDashboard, startDashboard } from '../support/next-server';
import { makeTempDir } from '../support/temp-dir';
import { load, testConfig } from '../support/warehouse';

/**
 * Single sign-on against a real OpenID provider on loopback (panva's oidc-provider, with its development login
 * form): the full authorization-code flow with PKCE through the browser, for a person with a local account and
 * for one without, and a forged callback.
 */
const tmp = makeTempDir('e2e-sso');
const config = testConfig(tmp.dir);
let dashboard: RunningDashboard;
let browser: Browser;
let idp: Server;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  await load(sampleExports(), config);
  await buildDashboard();
  const idpPort = await freePort();
  const issuer = `http://127.0.0.1:${idpPort}`;
  const env = {
    HOTLINE_DB: config.databasePath,
    HOTLINE_SECRET_FILE: config.secretPath,
    HOTLINE_OIDC_ISSUER: issuer,
    HOTLINE_OIDC_CLIENT_ID: 'hotline-atlas',
    HOTLINE_OIDC_CLIENT_SECRET: 'a-client-secret-for-the-test',
    HOTLINE_OIDC_ALLOW_HTTP: '1',
    HOTLINE_OIDC_LABEL: '统一身份认证',
  };
  dashboard = await startDashboard(env);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: env.HOTLINE_OIDC_CLIENT_ID,
        client_secret: env.HOTLINE_OIDC_CLIENT_SECRET,
        redirect_uris: [`${dashboard.url}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, preferred_username: sub, name: sub }),
    }),
    cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
  });
  idp = provider.listen(idpPort);
  await createAccount(
    loadAuthSettings({ ...process.env, ...env }).accountsPath,
    { username: 'zhou.sso', role: 'analyst' },
    'test',
  );
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  idp?.close();
  tmp.cleanup();
});

async function signInAtProvider(login: string) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.goto(`${dashboard.url}/map`);
  await page.getByRole('link', { name: '统一身份认证' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
  return page;
}

describe('single sign-on (OpenID Connect)', () => {
  it('signs a person with a local account in through the provider and returns to the page they asked for', async () => {
    const page = await signInAtProvider('zhou.sso');
    await page.waitForURL(`${dashboard.url}/map`).catch((error: Error) => {
      throw new Error(`${error.message}\nserver log:\n${dashboard.output().slice(-2000)}`);
    });
    expect(await page.locator('.account-name').textContent()).toContain('zhou.sso');
    await page.locator('.leaflet-container').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'access-sso.png') });
    await page.close();
  });

  it('turns away a person the provider knows but this dashboard has no account for', async () => {
    const page = await signInAtProvider('stranger');
    await page.waitForURL(/\/signin\?error=no_account/);
    await expect(page.locator('.error').textContent()).resolves.toContain('尚未为您开通账户');
    await page.close();
  });

  it('refuses a callback that did not come from a flow this browser started', async () => {
    const page = await browser.newPage();
    await page.goto(`${dashboard.url}/api/auth/oidc/callback?code=forged&state=forged`);
    await page.waitForURL(/\/signin\?error=sso/);
    expect(await page.context().cookies()).not.toContainEqual(
      expect.objectContaining({ name: 'hotline_session' }),
    );
    await page.close();
  });
});
