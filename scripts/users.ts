import { AccountError } from '../lib/auth/accounts';
import { usersCommand } from '../lib/auth/cli/users';

usersCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known =
      error instanceof AccountError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!known) console.error(error);
    process.exitCode = 1;
  },
);
