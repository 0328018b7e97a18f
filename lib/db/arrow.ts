import type { DuckDBResultReader, DuckDBType } from '@duckdb/node-api';
import {
  Bool,
  type DataType,
  Float64,
  Int32,
  makeTable,
  type Table,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';

/** The media type of an Arrow IPC stream, as route handlers send it. */
export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/**
 * @duckdb/node-api has no Arrow output yet, so large results are built into Arrow column by column from its
 * columnar reader. Integers become Int32 when they fit (counts) and Float64 otherwise, decimals Float64, dates and
 * timestamps wall-clock text in the deployment's zone, everything else UTF-8.
 */
function arrowTypeOf(type: DuckDBType): DataType {
  switch (type.typeId) {
    case 1: // BOOLEAN
      return new Bool();
    case 2: // TINYINT
    case 3: // SMALLINT
    case 4: // INTEGER
    case 6: // UTINYINT
    case 7: // USMALLINT
      return new Int32();
    case 5: // BIGINT
    case 8: // UINTEGER
    case 9: // UBIGINT
    case 10: // FLOAT
    case 11: // DOUBLE
    case 19: // DECIMAL
    case 32: // HUGEINT
      return new Float64();
    default:
      return new Utf8();
  }
}

/** Values come from DuckDB's JSON conversion: wall-clock timestamps as 'YYYY-MM-DD HH:MM:SS', BIGINT as text. */
function arrowValue(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (type instanceof Float64) return Number(value);
  if (type instanceof Utf8) return typeof value === 'string' ? value : JSON.stringify(value);
  return value;
}

/** Every row a finished query read, as an Arrow table (lib/db/read-only-warehouse.ts: Lease.arrow). */
export function arrowOf(reader: DuckDBResultReader): Table {
  const names = reader.columnNames();
  const types = reader.columnTypes().map(arrowTypeOf);
  const columns = reader.getColumnsJson();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const type = types[i] as DataType;
    const values = (columns[i] ?? []).map((v) => arrowValue(v, type));
    vectors[name] = vectorFromArray(values, type);
  });
  return makeTable(vectors as never) as unknown as Table;
}

/** The Arrow column types plain rows can be written as (see rowsToArrow). */
export type ArrowColumnType = 'utf8' | 'float64' | 'int32' | 'bool';

const COLUMN_TYPES: Record<ArrowColumnType, () => DataType> = {
  utf8: () => new Utf8(),
  float64: () => new Float64(),
  int32: () => new Int32(),
  bool: () => new Bool(),
};

/**
 * An Arrow table from rows computed in TypeScript (not straight from SQL): one column per entry of `columns`, in
 * that order, with the type given there (explicit, so an empty result or an all-null column still has its type);
 * null and undefined become Arrow nulls.
 */
export function rowsToArrow<Row extends object>(
  rows: readonly Row[],
  columns: Record<keyof Row & string, ArrowColumnType>,
): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, kind] of Object.entries(columns) as [keyof Row & string, ArrowColumnType][]) {
    vectors[name] = vectorFromArray(
      rows.map((row) => row[name] ?? null),
      COLUMN_TYPES[kind](),
    );
  }
  return makeTable(vectors as never) as unknown as Table;
}

/** An Arrow table as an IPC stream (what the browser decodes with tableFromIPC). */
export function arrowStream(table: Table): Uint8Array {
  return tableToIPC(table, 'stream');
}
