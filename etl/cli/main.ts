#!/usr/bin/env -S npx tsx
import { runCommand } from './commands';

const [command, ...args] = process.argv.slice(2);

runCommand(command, args).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
