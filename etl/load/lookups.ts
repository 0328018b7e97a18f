import type { DuckDBConnection } from '@duckdb/node-api';
import { execute } from '../../lib/db/connection';
import { regionNameKeySql } from '../../lib/geo/region-names';
import { categories, findCategoryByName } from '../../lib/taxonomy';
import { headerKey } from './detect-layout';
import type { Layout } from './mapping-schema';

/**
 * Writes the project taxonomy into the categories table (replacing it: the taxonomy is code, the table its copy
 * for SQL joins).
 */
export async function writeCategories(connection: DuckDBConnection): Promise<void> {
  await execute(connection, 'DELETE FROM categories');
  const appender = await connection.createAppender('categories');
  for (const c of categories) {
    appender.appendVarchar(c.code);
    appender.appendInteger(c.level);
    if (c.parentCode === null) appender.appendNull();
    else appender.appendVarchar(c.parentCode);
    appender.appendVarchar(c.zh);
    appender.appendVarchar(c.en);
    appender.appendInteger(c.dueDays);
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * TEMP lookup of region names that identify exactly one region at their level (an ambiguous short name is left
 * out rather than guessed).
 */
export async function createRegionLookup(connection: DuckDBConnection): Promise<void> {
  await execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE atlas_unique_aliases AS
     SELECT ${regionNameKeySql('a.alias')} AS alias_key, a.level, any_value(a.code) AS code, any_value(r.parent_code) AS parent_code
     FROM region_aliases a JOIN regions r ON r.code = a.code
     GROUP BY ALL HAVING count(DISTINCT a.code) = 1`,
  );
  await execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE atlas_town_aliases AS
     SELECT r.parent_code, ${regionNameKeySql('a.alias')} AS alias_key, any_value(a.code) AS code
     FROM region_aliases a JOIN regions r ON r.code = a.code
     WHERE a.level >= 4
     GROUP BY ALL HAVING count(DISTINCT a.code) = 1`,
  );
}

/**
 * TEMP lookup from the positions `atlas_locate` returns to region code, level and parent (`codes` are the region
 * index's codes, in its order). A code missing from the regions table keeps NULL level and parent.
 */
export async function createPointRegionLookup(
  connection: DuckDBConnection,
  codes: readonly string[],
): Promise<void> {
  await execute(connection, 'CREATE OR REPLACE TEMP TABLE atlas_point_codes (pos INTEGER, code VARCHAR)');
  const appender = await connection.createAppender('atlas_point_codes', 'main', 'temp');
  codes.forEach((code, pos) => {
    appender.appendInteger(pos);
    appender.appendVarchar(code);
    appender.endRow();
  });
  appender.closeSync();
  await execute(
    connection,
    `CREATE OR REPLACE TEMP TABLE atlas_point_regions AS
     SELECT p.pos, p.code, r.level, r.parent_code FROM atlas_point_codes p LEFT JOIN regions r ON r.code = p.code`,
  );
  await execute(connection, 'DROP TABLE atlas_point_codes');
}

/** Resolves a categoryMap target (a taxonomy code or name) to a code; throws naming the layout on failure. */
function categoryTarget(layout: Layout, target: string): string {
  const byCode = categories.find((c) => c.code === target);
  if (byCode) return byCode.code;
  const byName = findCategoryByName(target);
  if (byName) return byName.code;
  throw new Error(
    `layout "${layout.id}": categoryMap target "${target}" is neither a taxonomy code nor a name`,
  );
}

/**
 * TEMP lookup from a normalised category text to a taxonomy code: the taxonomy's own names, aliases and English
 * names (origin 'source'), then the layout's categoryMap (origin 'mapped', which wins on a clash).
 */
export async function createCategoryLookup(connection: DuckDBConnection, layout: Layout): Promise<void> {
  const keys = new Map<string, { code: string; origin: string }>();
  const ambiguous = new Set<string>();
  for (const c of categories) {
    for (const name of [c.zh, c.en, ...c.aliases]) {
      const key = headerKey(name);
      const seen = keys.get(key);
      if (seen && seen.code !== c.code) ambiguous.add(key);
      else keys.set(key, { code: c.code, origin: 'source' });
    }
  }
  for (const key of ambiguous) keys.delete(key);
  for (const [from, to] of Object.entries(layout.categoryMap ?? {})) {
    keys.set(headerKey(from), { code: categoryTarget(layout, to), origin: 'mapped' });
  }
  await execute(
    connection,
    'CREATE OR REPLACE TEMP TABLE atlas_category_keys (key VARCHAR PRIMARY KEY, code VARCHAR, origin VARCHAR)',
  );
  const appender = await connection.createAppender('atlas_category_keys', 'main', 'temp');
  for (const [key, { code, origin }] of keys) {
    appender.appendVarchar(key);
    appender.appendVarchar(code);
    appender.appendVarchar(origin);
    appender.endRow();
  }
  appender.closeSync();
}
