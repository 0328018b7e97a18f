import { regionNameKeySql } from '../../lib/geo/region-names';
import { quoteIdentifier } from '../../lib/sql/quote';
import { appealTypeSql, booleanSql, satisfactionSql, statusSql } from '../normalise/codes';
import { maskAddressSql, placeKeySql } from '../normalise/privacy-sql';
import type { TicketField } from './mapping-schema';
import { keyExprSql, type SourceValues } from './source-values';

/**
 * Fields with few or often repeated distinct values (status, district names, categories, addresses …) are
 * normalised once per distinct source value in a TEMP table and joined back, instead of running regular expressions
 * on every row: on a 1M-row file that turns seconds into milliseconds.
 */
export interface Dimensions {
  /** CREATE TEMP TABLE statements to run before the main SELECT. */
  statements: string[];
  /** The TEMP tables those statements create, for the loader to drop after the file. */
  tables: string[];
  /** LEFT JOIN clauses for the main SELECT's FROM (the staged table is aliased s). */
  joins: string[];
  /** Output column → expression over the joined dimension tables. */
  columns: Record<string, string>;
}

const SIMPLE: [TicketField, string, (raw: string) => string][] = [
  ['appealType', 'appeal_type', appealTypeSql],
  ['status', 'status_in', statusSql],
  ['resolved', 'resolved', booleanSql],
  ['returned', 'returned', booleanSql],
  ['escalated', 'escalated', booleanSql],
  ['satisfaction', 'satisfaction', satisfactionSql],
  ['coordinateSystem', 'coord_system_raw', (raw) => `upper(regexp_replace(${raw}, '[\\s_-]', '', 'g'))`],
];

const TYPES: Record<string, string> = {
  resolved: 'BOOLEAN',
  returned: 'BOOLEAN',
  escalated: 'BOOLEAN',
};

function distinctSql(stagedTable: string, keys: string[]): string {
  return `SELECT DISTINCT ${keys.map((k, i) => `${k} AS k${i}`).join(', ')} FROM ${quoteIdentifier(stagedTable)}`;
}

/** Region names and codes resolved per distinct (code, county, town) written in the file. */
function regionDimension(v: SourceValues, stagedTable: string): string {
  const code = v.regionCode ? `regexp_replace(${v.regionCode}, '\\D', '', 'g')` : 'NULL::VARCHAR';
  const county = v.county ?? 'NULL::VARCHAR';
  const town = v.town ?? 'NULL::VARCHAR';
  return `CREATE OR REPLACE TEMP TABLE atlas_dim_region AS
    WITH d AS (${distinctSql(stagedTable, [code, county, town])})
    SELECT d.k0, d.k1, d.k2,
      rc.code AS code_region,
      ca.code AS county_by_name,
      -- A town name is read within its county when the county is known, else only if unique in the whole area.
      coalesce(tc.code, CASE WHEN ca.code IS NULL THEN tu.code END) AS town_by_name
    FROM d
    LEFT JOIN regions rc ON rc.code = CASE WHEN length(d.k0) = 12 THEN left(d.k0, 9) ELSE d.k0 END
    LEFT JOIN atlas_unique_aliases ca ON ca.level = 3 AND ca.alias_key = ${regionNameKeySql('d.k1')}
    LEFT JOIN atlas_town_aliases tc ON tc.parent_code = ca.code AND tc.alias_key = ${regionNameKeySql('d.k2')}
    LEFT JOIN atlas_unique_aliases tu ON tu.level = 4 AND tu.alias_key = ${regionNameKeySql('d.k2')}`;
}

/** Taxonomy code per distinct (code, L1, L2) written in the file: a valid code, then 'L1 / L2', L2, L1. */
function categoryDimension(v: SourceValues, stagedTable: string): string {
  const trimmed = (e: string | undefined) => (e ? `nullif(trim(${e}), '')` : 'NULL::VARCHAR');
  return `CREATE OR REPLACE TEMP TABLE atlas_dim_category AS
    WITH d AS (${distinctSql(stagedTable, [trimmed(v.categoryCode), trimmed(v.categoryL1), trimmed(v.categoryL2)])})
    SELECT d.k0, d.k1, d.k2,
      coalesce(cc.code, k12.code, k2.code, k1.code) AS category_code,
      CASE WHEN cc.code IS NOT NULL THEN 'source' ELSE coalesce(k12.origin, k2.origin, k1.origin) END AS category_origin
    FROM d
    LEFT JOIN categories cc ON cc.code = d.k0
    LEFT JOIN atlas_category_keys k12 ON k12.key = ${keyExprSql(`concat_ws(' / ', d.k1, d.k2)`)}
    LEFT JOIN atlas_category_keys k2 ON k2.key = ${keyExprSql('d.k2')}
    LEFT JOIN atlas_category_keys k1 ON k1.key = ${keyExprSql('d.k1')}`;
}

/**
 * The stored (masked) address and the place key per distinct address. Not few values, but repeated ones: the
 * buildings a city hears from again and again are what hotspots are made of (1M generated work orders: 41,000
 * addresses; masking and keying them cost 0.74 s per row, 0.10 s per address with the DISTINCT and the join).
 */
function addressDimension(address: string, stagedTable: string): string {
  return `CREATE OR REPLACE TEMP TABLE atlas_dim_address AS
    SELECT k0, atlas_address, ${placeKeySql('k0', 'atlas_address')} AS atlas_place_key
    FROM (SELECT k0, ${maskAddressSql('k0')} AS atlas_address FROM (${distinctSql(stagedTable, [`(${address})::VARCHAR`])}) WHERE k0 IS NOT NULL)`;
}

function nullSafeJoin(alias: string, table: string, keys: string[]): string {
  return `LEFT JOIN ${table} ${alias} ON ${keys.map((k, i) => `${alias}.k${i} IS NOT DISTINCT FROM (${k})`).join(' AND ')}`;
}

/** Builds the dimension tables and joins for one bound file. */
export function buildDimensions(v: SourceValues, stagedTable: string): Dimensions {
  const statements: string[] = [];
  const tables: string[] = ['atlas_dim_region', 'atlas_dim_category'];
  const joins: string[] = [];
  const columns: Record<string, string> = {};
  for (const [field, column, builder] of SIMPLE) {
    const source = v[field];
    if (!source) {
      columns[column] = `NULL::${TYPES[column] ?? 'VARCHAR'}`;
      continue;
    }
    const table = `atlas_dim_${column}`;
    tables.push(table);
    statements.push(
      `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT k0, ${builder('k0')} AS atlas_value FROM (${distinctSql(stagedTable, [source])}) WHERE k0 IS NOT NULL`,
    );
    joins.push(`LEFT JOIN ${table} ON ${table}.k0 = (${source})`);
    columns[column] = `${table}.atlas_value`;
  }
  const regionKeys = [
    v.regionCode ? `regexp_replace(${v.regionCode}, '\\D', '', 'g')` : 'NULL::VARCHAR',
    v.county ?? 'NULL::VARCHAR',
    v.town ?? 'NULL::VARCHAR',
  ];
  statements.push(regionDimension(v, stagedTable));
  joins.push(nullSafeJoin('dr', 'atlas_dim_region', regionKeys));
  columns.code_region = 'dr.code_region';
  columns.county_by_name = 'dr.county_by_name';
  columns.town_by_name = 'dr.town_by_name';

  const trimmed = (e: string | undefined) => (e ? `nullif(trim(${e}), '')` : 'NULL::VARCHAR');
  statements.push(categoryDimension(v, stagedTable));
  joins.push(
    nullSafeJoin('dc', 'atlas_dim_category', [
      trimmed(v.categoryCode),
      trimmed(v.categoryL1),
      trimmed(v.categoryL2),
    ]),
  );
  columns.category_code = 'dc.category_code';
  columns.category_origin = 'dc.category_origin';

  if (v.address) {
    statements.push(addressDimension(v.address, stagedTable));
    tables.push('atlas_dim_address');
    joins.push(`LEFT JOIN atlas_dim_address da ON da.k0 = (${v.address})::VARCHAR`);
    // Prefixed names: the source expressions name staged columns unqualified, and an export may have an "address".
    columns.address = 'da.atlas_address';
    columns.place_key = 'da.atlas_place_key';
  } else {
    columns.address = 'NULL::VARCHAR';
    columns.place_key = 'NULL::VARCHAR';
  }
  return { statements, tables, joins, columns };
}
