import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { quoteIdentifier } from '../../lib/sql/quote';

/** A fresh in-memory DuckDB and a temp folder for fixtures, for one test file. */
export interface ReaderTestbed {
  connection: DuckDBConnection;
  dir: string;
  path(name: string): string;
  rows(table: string): Promise<Record<string, string | number | null>[]>;
  close(): void;
}

export async function openTestbed(): Promise<ReaderTestbed> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const dir = mkdtempSync(join(tmpdir(), 'readers-test-'));
  return {
    connection,
    dir,
    path: (name) => join(dir, name),
    async rows(table) {
      const reader = await connection.runAndReadAll(`SELECT * FROM ${quoteIdentifier(table)} ORDER BY _row`);
      return reader.getRowObjectsJS() as Record<string, string | number | null>[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
