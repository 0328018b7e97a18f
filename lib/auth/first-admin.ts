import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createAccount, readAccounts } from './accounts';

/**
 * The first administrator of a new installation. There is no default password: a random one is generated, shown
 * once and left in a 0600 file beside the accounts (like Jenkins' initialAdminPassword) until the administrator
 * changes it (`npm run users -- passwd admin`) and deletes the file.
 */
export async function ensureFirstAdmin(
  accountsPath: string,
  username = 'admin',
): Promise<{ username: string; password: string; file: string } | null> {
  if ((await readAccounts(accountsPath)).accounts.size > 0) return null;
  const password = randomBytes(15).toString('base64url');
  await createAccount(accountsPath, { username, role: 'admin', password }, 'first-run');
  const file = path.join(path.dirname(accountsPath), 'initial-admin-password');
  await writeFile(file, `${username}\n${password}\n`, { mode: 0o600 });
  return { username, password, file };
}
