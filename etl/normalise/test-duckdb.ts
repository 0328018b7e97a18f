import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { toPlainValue } from '@/lib/db/values';

/** An in-memory DuckDB for checking SQL builders against DuckDB itself. Test-only. */
export interface TestDuckDB {
  connection: DuckDBConnection;
  /** Evaluates `build('x')` over each input staged as a VARCHAR column `x`, in input order. */
  evaluate(build: (column: string) => string, inputs: readonly (string | null)[]): Promise<unknown[]>;
  /** Evaluates `build(...columns)` over rows of several VARCHAR columns `c0, c1, ...`, in input order. */
  evaluateRows(
    build: (...columns: string[]) => string,
    rows: readonly (string | null)[][],
  ): Promise<unknown[]>;
  /** PREPAREs `SELECT <expr>` over the staged columns; rejects when DuckDB cannot bind it. */
  prepare(build: (...columns: string[]) => string, arity?: number): Promise<void>;
  close(): void;
}

export async function openTestDuckDB(): Promise<TestDuckDB> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let tableNumber = 0;

  async function stage(rows: readonly (string | null)[][], arity: number): Promise<string> {
    tableNumber += 1;
    const table = `staged_${tableNumber}`;
    const columns = Array.from({ length: arity }, (_, i) => `c${i}`);
    await connection.run(
      `CREATE TEMP TABLE ${table} (row_number INTEGER, ${columns.map((c) => `${c} VARCHAR`).join(', ')})`,
    );
    const placeholders = columns.map((_, i) => `$${i + 2}`).join(', ');
    for (const [i, row] of rows.entries()) {
      await connection.run(`INSERT INTO ${table} VALUES ($1, ${placeholders})`, [i, ...row]);
    }
    return table;
  }

  async function evaluateRows(
    build: (...columns: string[]) => string,
    rows: readonly (string | null)[][],
  ): Promise<unknown[]> {
    const arity = rows[0]?.length ?? build.length;
    const table = await stage(rows, arity);
    const columns = Array.from({ length: arity }, (_, i) => `c${i}`);
    const reader = await connection.runAndReadAll(
      `SELECT ${build(...columns)} AS v FROM ${table} ORDER BY row_number`,
    );
    return reader.getRowObjectsJS().map((row) => toPlainValue(row.v));
  }

  return {
    connection,
    evaluateRows,
    evaluate: (build, inputs) =>
      evaluateRows(
        (column) => build(column),
        inputs.map((input) => [input]),
      ),
    async prepare(build, arity = 1) {
      const table = await stage([], arity);
      const columns = Array.from({ length: arity }, (_, i) => `c${i}`);
      await connection.prepare(`SELECT ${build(...columns)} FROM ${table}`);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
