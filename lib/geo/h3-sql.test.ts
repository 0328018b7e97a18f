import { DuckDBInstance } from '@duckdb/node-api';
import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h3ToBigInt } from './h3-cells';
import { h3ParentSql, h3ToStringSql } from './h3-sql';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('h3 SQL', () => {
  let instance: DuckDBInstance;
  const rng = mulberry32(42);
  const cells: string[] = [];
  for (let i = 0; i < 300; i++) {
    const lat = rng() * 180 - 90;
    const lon = rng() * 360 - 180;
    cells.push(latLngToCell(lat, lon, Math.floor(rng() * 16)));
  }
  cells.push(latLngToCell(28.77, 104.63, 10), latLngToCell(0, 0, 0));

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => instance.closeSync());

  it('derives every parent at resolutions 0–10 exactly as h3-js cellToParent does', async () => {
    const connection = await instance.connect();
    const values = cells.map((c) => `(${h3ToBigInt(c)}::UBIGINT)`).join(',');
    const columns = Array.from({ length: 11 }, (_, r) => `${h3ToStringSql(h3ParentSql('cell', r))} AS p${r}`);
    const reader = await connection.runAndReadAll(
      `SELECT ${h3ToStringSql('cell')} AS cell, ${columns.join(', ')} FROM (VALUES ${values}) t(cell)`,
    );
    const rows = reader.getRowObjectsJS();
    expect(rows).toHaveLength(cells.length);
    rows.forEach((row, i) => {
      const cell = cells[i]!;
      expect(row.cell).toBe(cell);
      for (let r = 0; r <= 10; r++) {
        expect(row[`p${r}`], `${cell} → r${r}`).toBe(r <= getResolution(cell) ? cellToParent(cell, r) : null);
      }
    });
    connection.closeSync();
  });

  it('is accepted by DuckDB as an expression over a UBIGINT column', async () => {
    const connection = await instance.connect();
    await connection.run(`EXPLAIN SELECT ${h3ParentSql('h3_r10', 7)} FROM (SELECT NULL::UBIGINT AS h3_r10)`);
    const reader = await connection.runAndReadAll(`SELECT ${h3ParentSql('NULL', 5)} AS p`);
    expect(reader.getRowObjectsJS()[0]!.p).toBeNull();
    connection.closeSync();
  });

  it('refuses resolutions outside 0–15', () => {
    expect(() => h3ParentSql('c', 16)).toThrow(RangeError);
    expect(() => h3ParentSql('c', 1.5)).toThrow(RangeError);
  });
});
