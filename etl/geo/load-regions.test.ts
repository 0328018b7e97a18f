import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_SQL } from '../load/schema';
import { loadRegions } from './load-regions';

async function one<T>(connection: DuckDBConnection, sql: string): Promise<T> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS()[0] as T;
}

describe('loadRegions', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run(SCHEMA_SQL);
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('writes 宜宾’s regions, aliases and district shapes, and a re-run changes nothing', async () => {
    const first = await loadRegions(connection, '511500');
    expect(first).toMatchObject({ regions: 148, shapes: 10 });
    const snapshot = async () =>
      one<Record<string, unknown>>(
        connection,
        `SELECT (SELECT count(*) FROM regions)::INTEGER AS regions, (SELECT count(*) FROM region_aliases)::INTEGER AS aliases,
                (SELECT count(*) FROM region_shapes)::INTEGER AS shapes,
                (SELECT sum(hash(code, name, level, parent_code, population)) FROM regions)::VARCHAR AS h`,
      );
    const before = await snapshot();
    expect(before).toMatchObject({ regions: 148, aliases: first.aliases, shapes: 10 });
    await loadRegions(connection, '511500');
    expect(await snapshot()).toEqual(before);

    expect(
      await one(connection, `SELECT code, level, parent_code FROM regions WHERE name = '叙州区'`),
    ).toEqual({
      code: '511504',
      level: 3,
      parent_code: '511500',
    });
    expect(await one(connection, `SELECT code FROM region_aliases WHERE alias = '宜宾县'`)).toEqual({
      code: '511504',
    });
    const shape = await one<{ g: string }>(
      connection,
      `SELECT geojson AS g FROM region_shapes WHERE code = '511502'`,
    );
    expect(JSON.parse(shape.g).properties.name).toBe('翠屏区');
  });

  it('replaces stale rows under the root and keeps other roots', async () => {
    await connection.run(
      `INSERT INTO regions VALUES ('511599001', '旧镇', 4, '511599', NULL), ('110000', '北京市', 1, NULL, NULL)`,
    );
    await connection.run(`INSERT INTO region_aliases VALUES ('旧镇', '511599001', 4)`);
    const empty = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-regions-')), 'none.geojson');
    const result = await loadRegions(connection, '511500', { boundaryPath: empty });
    expect(result.shapes).toBe(0);
    expect(
      await one(connection, `SELECT count(*)::INTEGER AS n FROM regions WHERE code = '511599001'`),
    ).toEqual({ n: 0 });
    expect(
      await one(connection, `SELECT count(*)::INTEGER AS n FROM region_aliases WHERE alias = '旧镇'`),
    ).toEqual({ n: 0 });
    expect(await one(connection, `SELECT count(*)::INTEGER AS n FROM regions WHERE code = '110000'`)).toEqual(
      { n: 1 },
    );
    expect(await one(connection, `SELECT count(*)::INTEGER AS n FROM region_shapes`)).toEqual({ n: 10 });
  });
});
