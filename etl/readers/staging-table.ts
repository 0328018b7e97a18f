import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, sqlString } from '../../lib/sql/quote';

/**
 * Characters trimmed from both ends of every value. Real 12345 exports start 留言详情 with runs of tabs, newlines,
 * ideographic spaces (U+3000) and no-break spaces, which SQL's default trim() (spaces only) leaves in place.
 */
export const TRIMMED_CHARACTERS = ' \t\n\r\v\f\u00a0\u3000\ufeff';

const TRIM_PATTERN = new RegExp(`^[${TRIMMED_CHARACTERS}]+|[${TRIMMED_CHARACTERS}]+$`, 'g');

/** A value as staged: trimmed of surrounding whitespace; empty or missing becomes null. */
export function stagedValue(text: string | null | undefined): string | null {
  if (text == null) return null;
  const trimmed = text.replace(TRIM_PATTERN, '');
  return trimmed === '' ? null : trimmed;
}

/**
 * SQL for the staged form of a VARCHAR column: the same rule as stagedValue, run inside DuckDB. DuckDB's
 * trim(value, characters) is about 3x slower than reading the CSV itself, so it only runs on values whose first
 * code point or last characters are whitespace (measured: the guard costs no more than a plain nullif). Pass a
 * column reference, not a computed expression: the expression is repeated.
 */
export function stagedValueSql(column: string): string {
  const characters = [...TRIMMED_CHARACTERS];
  // Equalities, not `IN (...)`: DuckDB plans an IN list this long as a join, and the join stored a large file's
  // records out of file order (the CSV reader numbers records by the order they are stored in).
  const startsBlank = characters.map((c) => `ord(${column}) = ${c.codePointAt(0)}`).join(' OR ');
  const endsBlank = characters.map((c) => `ends_with(${column}, ${sqlString(c)})`).join(' OR ');
  return `CASE WHEN ${startsBlank} OR ${endsBlank}
    THEN nullif(trim(${column}, ${sqlString(TRIMMED_CHARACTERS)}), '') ELSE nullif(${column}, '') END`;
}

/**
 * Column names for the staging table from header cells in file order: names are trimmed (and a BOM removed), a
 * blank header becomes `_col<position>` (1-based), and a repeated name gets `_2`, `_3`, ... DuckDB compares
 * identifiers case-insensitively, so repeats are found case-insensitively too. `_row` is taken by the row number.
 */
export function stagingColumnNames(headers: ReadonlyArray<string | null | undefined>): string[] {
  const taken = new Set<string>(['_row']);
  return headers.map((header, index) => {
    const base = stagedValue(header ?? null) ?? `_col${index + 1}`;
    let name = base;
    for (let suffix = 2; taken.has(name.toLowerCase()); suffix += 1) name = `${base}_${suffix}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Creates (or replaces) an empty staging table: `_row INTEGER` then the given columns as VARCHAR. */
export async function createStagingTable(
  connection: DuckDBConnection,
  table: string,
  columns: readonly string[],
): Promise<void> {
  const columnSql = ['_row INTEGER', ...columns.map((name) => `${quoteIdentifier(name)} VARCHAR`)].join(', ');
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(table)} (${columnSql})`);
}

/** Number of rows in a table. */
export async function countRows(connection: DuckDBConnection, table: string): Promise<number> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::BIGINT AS n FROM ${quoteIdentifier(table)}`,
  );
  return Number(reader.getRowObjectsJS()[0]?.n ?? 0);
}

/**
 * Sets `_row` to the number a user counts in the file. The table must have been filled in file order, one record
 * per row (a CREATE TABLE AS over the reader, which keeps the order read), so each row's rowid is its 0-based
 * position among the records read. `firstRow` is the number of the first record; `skippedRecords` are the 0-based
 * record indexes the reader rejected, so the records after them keep the numbers a user would count in the file.
 */
export async function numberRowsInFileOrder(
  connection: DuckDBConnection,
  table: string,
  firstRow: number,
  skippedRecords: readonly number[] = [],
): Promise<void> {
  const target = quoteIdentifier(table);
  if (skippedRecords.length === 0) {
    await connection.run(`UPDATE ${target} SET _row = (rowid + $first)::INTEGER`, { first: firstRow });
    return;
  }
  // Accepted record k (0-based) moves past every skipped record j (0-based, sorted) with skipped[j] - j <= k.
  const sorted = [...new Set(skippedRecords)].sort((a, b) => a - b);
  const shifts = sorted.map((record, j) => `(${record - j}, ${j + 1})`).join(', ');
  const shiftTable = quoteIdentifier(`${table}__row_shifts`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${shiftTable} AS
    SELECT col0::BIGINT AS accepted_before, max(col1)::BIGINT AS shift FROM (VALUES ${shifts}) GROUP BY 1`);
  try {
    await connection.run(
      `UPDATE ${target} SET _row = (numbered.id + $first + numbered.shift)::INTEGER
       FROM (SELECT r.id, coalesce(s.shift, 0) AS shift
             FROM (SELECT rowid AS id FROM ${target}) r
             ASOF LEFT JOIN ${shiftTable} s ON r.id >= s.accepted_before) numbered
       WHERE ${target}.rowid = numbered.id`,
      { first: firstRow },
    );
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${shiftTable}`);
  }
}
