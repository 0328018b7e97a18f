import { parseArgs } from 'node:util';

/** Parses a command's flags; unknown flags are an error that names them. */
export function parseCommandArgs<
  const O extends Record<string, { type: 'string' | 'boolean'; short?: string }>,
>(args: string[], options: O) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}
