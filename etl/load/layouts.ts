import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Layout, layoutSchema } from './mapping-schema';

const BUILT_IN_DIR = fileURLToPath(new URL('../sources/', import.meta.url));

/** Reads and validates one layout file; errors name the file and the offending key. */
export function readLayoutFile(filePath: string): Layout {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new Error(`${filePath}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = layoutSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new Error(`${filePath}: not a valid source layout:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** The layouts shipped in etl/sources/, sorted by id. */
export function builtInLayouts(): Layout[] {
  return readdirSync(BUILT_IN_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readLayoutFile(path.join(BUILT_IN_DIR, name)));
}

/** A layout by id among the built-in ones, or from a path to a mapping file. */
export function resolveLayout(idOrPath: string): Layout {
  if (idOrPath.endsWith('.json')) return readLayoutFile(path.resolve(idOrPath));
  const layout = builtInLayouts().find((l) => l.id === idOrPath);
  if (!layout) {
    const known = builtInLayouts()
      .map((l) => l.id)
      .join(', ');
    throw new Error(
      `unknown source layout "${idOrPath}" (known: ${known}; or give a path to a mapping .json)`,
    );
  }
  return layout;
}

/** The id ticket ids are prefixed with. */
export function layoutSystem(layout: Layout): string {
  return layout.system ?? layout.id;
}
