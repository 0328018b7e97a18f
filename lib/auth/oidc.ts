import { sealData, unsealData } from 'iron-session';
import * as client from 'openid-client';
import { z } from 'zod';
import { sessionSecret } from './session';
import type { AuthSettings, OidcSettings } from './settings';

/**
 * Single sign-on through OpenID Connect with openid-client (the certified relying-party library): authorization
 * code flow with PKCE, state and nonce. The identity provider says who the person is; what they may see comes from
 * the local account of the same name (an administrator creates it with the role and scope), so a new employee in
 * the provider gets nothing here until someone decides their role.
 */
export const OIDC_COOKIE = 'hotline_oidc';
const FLOW_SECONDS = 600;

let configuration: { key: string; config: Promise<client.Configuration> } | null = null;

/** The provider's configuration by discovery, cached per process (a failed discovery is retried next time). */
function providerConfig(oidc: OidcSettings): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  if (configuration?.key !== key) {
    // Plain-HTTP providers are refused unless allowed explicitly (a test provider on loopback).
    const insecure = new URL(oidc.issuer).protocol === 'http:' && process.env.HOTLINE_OIDC_ALLOW_HTTP === '1';
    const config = client.discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      oidc.clientSecret,
      undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    config.catch(() => {
      configuration = null;
    });
    configuration = { key, config };
  }
  return configuration.config;
}

/**
 * The callback URL the provider must see exactly as registered: HOTLINE_PUBLIC_URL when set, else the host the
 * browser used (the Host header; Next's request.url may name the machine differently, localhost for 127.0.0.1).
 */
function redirectUri(oidc: OidcSettings, request: Request): string {
  if (oidc.publicUrl) return `${oidc.publicUrl}/api/auth/oidc/callback`;
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const protocol = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '');
  return `${protocol}://${host}/api/auth/oidc/callback`;
}

const flowSchema = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), next: z.string() });

/** Where to send the browser to sign in, and the sealed cookie that remembers this attempt's checks. */
export async function startSignIn(
  settings: AuthSettings & { oidc: OidcSettings },
  request: Request,
  next: string,
): Promise<{ location: string; cookie: string }> {
  const config = await providerConfig(settings.oidc);
  const verifier = client.randomPKCECodeVerifier();
  const flow = { state: client.randomState(), nonce: client.randomNonce(), verifier, next };
  const location = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(settings.oidc, request),
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  const seal = await sealData(flow, {
    password: await sessionSecret(settings.sessionSecretPath),
    ttl: FLOW_SECONDS,
  });
  const secure = settings.cookieSecure ? '; Secure' : '';
  return {
    location: location.href,
    cookie: `${OIDC_COOKIE}=${seal}; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${FLOW_SECONDS}${secure}`,
  };
}

/**
 * Completes the flow on the callback: exchanges the code (checking state, nonce and PKCE) and returns the local
 * user name from the ID token's configured claim, and where to go next. Throws on any failed check.
 */
export async function finishSignIn(
  settings: AuthSettings & { oidc: OidcSettings },
  request: Request,
  flowSeal: string | undefined,
): Promise<{ username: string; next: string }> {
  if (!flowSeal) throw new Error('no sign-in in progress (the cookie is missing or expired)');
  const flow = flowSchema.parse(
    await unsealData(flowSeal, {
      password: await sessionSecret(settings.sessionSecretPath),
      ttl: FLOW_SECONDS,
    }),
  );
  const config = await providerConfig(settings.oidc);
  const incoming = new URL(request.url);
  const current = new URL(redirectUri(settings.oidc, request));
  current.search = incoming.search;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('the provider returned no ID token');
  let username = claims[settings.oidc.usernameClaim];
  // Many providers put profile claims only in UserInfo (OIDC Core 5.4): ask there, for the same subject.
  if (username === undefined) {
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    username = info[settings.oidc.usernameClaim];
  }
  if (typeof username !== 'string' || !username)
    throw new Error(`neither the ID token nor UserInfo has a "${settings.oidc.usernameClaim}" claim`);
  return { username, next: flow.next };
}
