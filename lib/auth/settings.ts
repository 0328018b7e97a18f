import path from 'node:path';
import { loadConfig } from '../config';

/**
 * Sign-in settings, read from the environment (docs/security.md lists them). The accounts and the audit trail are
 * append-only logs in the application database's directory (lib/appdb/APPDB.md), apart from the warehouse, so
 * reloading exports never touches them.
 */
export interface AuthSettings {
  /** Accounts, role changes and sign-in attempts (lib/auth/accounts.ts). */
  accountsPath: string;
  /** Who viewed which ticket list or exported what (lib/auth/audit.ts). */
  auditPath: string;
  /** The key that seals session cookies; created on first use, mode 0600, never in the database. */
  sessionSecretPath: string;
  /** Mark the session cookie Secure (sent over HTTPS only; browsers also accept it on http://localhost). */
  cookieSecure: boolean;
  sessionHours: number;
  /** Single sign-on through OpenID Connect, when HOTLINE_OIDC_ISSUER is set. */
  oidc: OidcSettings | null;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID-token claim that names the local account (an administrator creates it with its role and scope). */
  usernameClaim: string;
  /** The button's label on the sign-in page. */
  label: string;
  /** This dashboard's own URL as the identity provider sees it (for the redirect URI behind a proxy). */
  publicUrl: string | null;
}

export function loadAuthSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AuthSettings {
  const config = loadConfig(env);
  const appDir = path.dirname(config.appDbPath ?? path.join(path.dirname(config.databasePath), 'app', 'x'));
  const issuer = env.HOTLINE_OIDC_ISSUER?.trim();
  return {
    accountsPath: path.join(appDir, 'accounts.jsonl'),
    auditPath: path.join(appDir, 'audit.jsonl'),
    sessionSecretPath: path.resolve(
      /*turbopackIgnore: true*/ env.HOTLINE_SESSION_SECRET_FILE ?? path.join(appDir, 'session.secret'),
    ),
    cookieSecure: env.HOTLINE_COOKIE_SECURE !== '0',
    sessionHours: Number(env.HOTLINE_SESSION_HOURS ?? 8) || 8,
    oidc: issuer
      ? {
          issuer,
          clientId: required(env, 'HOTLINE_OIDC_CLIENT_ID'),
          clientSecret: required(env, 'HOTLINE_OIDC_CLIENT_SECRET'),
          usernameClaim: env.HOTLINE_OIDC_USERNAME_CLAIM ?? 'preferred_username',
          label: env.HOTLINE_OIDC_LABEL ?? '统一身份认证 / Single sign-on',
          publicUrl: env.HOTLINE_PUBLIC_URL?.replace(/\/$/, '') ?? null,
        }
      : null,
  };
}

function required(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required when HOTLINE_OIDC_ISSUER is set (docs/security.md)`);
  return value;
}
