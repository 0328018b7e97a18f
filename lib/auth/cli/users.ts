import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  type Account,
  AccountError,
  changeAccount,
  createAccount,
  readAccounts,
  setPassword,
} from '../accounts';
import { ensureFirstAdmin } from '../first-admin';
import { ROLES, type Role } from '../roles';
import { loadAuthSettings } from '../settings';

/**
 * `npm run users -- <command>`: accounts from the command line, for the first administrator and for servers where
 * nobody opens the admin page. Passwords are read from standard input (`--password-stdin`) or generated and shown
 * once (`--generate`), never taken as an argument (it would stay in the shell history and the process list).
 */
const HELP = `npm run users -- <command>

  first-admin [name]                  the first administrator (only while there are no accounts); prints a password
  add <name> --role R [--region C] [--department D] [--sso | --generate | --password-stdin]
  passwd <name> [--generate | --password-stdin]
  set <name> [--role R] [--region C] [--department D]
  disable <name> | enable <name>
  list

roles: ${ROLES.join(', ')}`;

const ACTOR = 'cli';

async function readPassword(values: { generate?: boolean; 'password-stdin'?: boolean }): Promise<string> {
  if (values.generate) return randomBytes(15).toString('base64url');
  if (values['password-stdin']) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  throw new AccountError('give --generate or --password-stdin');
}

function describe(account: Account): string {
  const scope = account.region ?? account.department ?? '';
  const login = account.passwordHash ? 'password' : 'sso';
  return [account.username, account.role, scope, login, account.disabled ? 'disabled' : 'active'].join('\t');
}

export async function usersCommand(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      role: { type: 'string' },
      region: { type: 'string' },
      department: { type: 'string' },
      sso: { type: 'boolean' },
      generate: { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const file = loadAuthSettings().accountsPath;
  const name = positionals[0];
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const role = values.role as Role | undefined;
  if (role !== undefined && !ROLES.includes(role))
    throw new AccountError(`--role: one of ${ROLES.join(', ')}`);
  switch (command) {
    case 'first-admin': {
      const created = await ensureFirstAdmin(file, name);
      if (!created) throw new AccountError('accounts exist already: an administrator adds the others (add)');
      out(`administrator "${created.username}" created; password: ${created.password}`);
      out(
        `(also in ${created.file}: change it with "npm run users -- passwd ${created.username}", then delete the file)`,
      );
      return 0;
    }
    case 'add': {
      if (!name || !role) throw new AccountError('add <name> --role R');
      const password = values.sso ? undefined : await readPassword(values);
      const account = await createAccount(
        file,
        {
          username: name,
          role,
          region: values.region ?? null,
          department: values.department ?? null,
          password,
        },
        ACTOR,
      );
      out(`added ${describe(account)}`);
      if (values.generate) out(`password: ${password}`);
      return 0;
    }
    case 'passwd': {
      if (!name) throw new AccountError('passwd <name>');
      const password = await readPassword(values);
      await setPassword(file, name, password, ACTOR);
      out(`password of ${name} changed; their sessions have ended`);
      if (values.generate) out(`password: ${password}`);
      return 0;
    }
    case 'set': {
      if (!name) throw new AccountError('set <name> [--role R] [--region C] [--department D]');
      const account = await changeAccount(
        file,
        name,
        {
          ...(role ? { role } : {}),
          ...(values.region !== undefined ? { region: values.region || null } : {}),
          ...(values.department !== undefined ? { department: values.department || null } : {}),
          // Changing the role drops a scope the new role does not have.
          ...(role && role !== 'office' && values.region === undefined ? { region: null } : {}),
          ...(role && role !== 'department' && values.department === undefined ? { department: null } : {}),
        },
        ACTOR,
      );
      out(`changed ${describe(account)}`);
      return 0;
    }
    case 'disable':
    case 'enable': {
      if (!name) throw new AccountError(`${command} <name>`);
      const account = await changeAccount(file, name, { disabled: command === 'disable' }, ACTOR);
      out(`${command}d ${describe(account)}`);
      return 0;
    }
    case 'list': {
      for (const account of (await readAccounts(file)).accounts.values()) out(describe(account));
      return 0;
    }
    default:
      out(HELP);
      return command === undefined || command === 'help' ? 0 : 1;
  }
}
