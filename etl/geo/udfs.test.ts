import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import gcoord from 'gcoord';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegionIndex } from '../../lib/geo/boundaries';
import { haversineMeters } from '../../lib/geo/distance';
import { h3ToBigInt } from '../../lib/geo/h3-cells';
import { registerGeoFunctions } from './udfs';

const BOUNDARIES = new URL('../../public/geo/511500-districts.geojson', import.meta.url).pathname;

async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

describe('geo UDFs', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    registerGeoFunctions(connection, { regionIndex: loadRegionIndex(BOUNDARIES) });
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('converts GCJ-02 and BD-09 to WGS-84, passes WGS-84 and unknown systems through, keeps NULL', async () => {
    const wgs: [number, number] = [104.6432, 28.7518];
    const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const bd = gcoord.transform(wgs, gcoord.WGS84, gcoord.BD09) as [number, number];
    const got = await rows(
      connection,
      `SELECT atlas_wgs84_lon(lon, lat, sys) AS lon, atlas_wgs84_lat(lon, lat, sys) AS lat
       FROM (VALUES (${gcj[0]}, ${gcj[1]}, '高德'), (${bd[0]}, ${bd[1]}, 'bd-09'), (104.1, 28.1, 'WGS84'),
                    (104.2, 28.2, 'mystery'), (104.3, 28.3, NULL), (NULL, 28.4, 'GCJ02')) t(lon, lat, sys)`,
    );
    expect(haversineMeters(got[0]!.lon as number, got[0]!.lat as number, ...wgs)).toBeLessThan(5);
    expect(haversineMeters(got[1]!.lon as number, got[1]!.lat as number, ...wgs)).toBeLessThan(5);
    expect(got.slice(2)).toEqual([
      { lon: 104.1, lat: 28.1 },
      { lon: 104.2, lat: 28.2 },
      { lon: 104.3, lat: 28.3 },
      { lon: null, lat: null },
    ]);
  });

  it('computes H3 cells as UBIGINT equal to h3-js', async () => {
    const got = await rows(
      connection,
      `SELECT atlas_h3(28.7518, 104.6432, 10) AS a, atlas_h3(28.7518, 104.6432, 6) AS b,
              atlas_h3(NULL, 104.6, 8) AS c, atlas_h3(95, 104.6, 8) AS d, atlas_h3(28.7, 104.6, 16) AS e`,
    );
    expect(got[0]).toEqual({
      a: h3ToBigInt(latLngToCell(28.7518, 104.6432, 10)),
      b: h3ToBigInt(latLngToCell(28.7518, 104.6432, 6)),
      c: null,
      d: null,
      e: null,
    });
  });

  it('finds the district of a point, NULL outside 宜宾 or for NULL', async () => {
    const got = await rows(
      connection,
      `SELECT atlas_region_at(104.62, 28.77) AS a, atlas_region_at(104.07, 30.66) AS b, atlas_region_at(NULL, 28.7) AS c`,
    );
    expect(got[0]).toEqual({ a: '511502', b: null, c: null });
  });

  it('returns NULL regions when there are no boundaries', async () => {
    const other = await DuckDBInstance.create(':memory:');
    const bare = await other.connect();
    registerGeoFunctions(bare, {});
    expect(await rows(bare, 'SELECT atlas_region_at(104.62, 28.77) AS a')).toEqual([{ a: null }]);
    bare.closeSync();
    other.closeSync();
  });

  it('atlas_geo agrees with atlas_wgs84_lon/lat, atlas_region_at and atlas_h3', async () => {
    const sql = (withRegion: boolean) => `
      WITH pts AS (
        SELECT * FROM (VALUES (104.62, 28.77, 'GCJ02'), (104.62, 28.77, 'bd-09'), (104.62, 28.77, 'WGS84'),
          (104.07, 30.66, 'WGS84'), (104.5, 28.6, NULL), (104.5, 28.6, 'mystery'), (NULL, 28.6, 'GCJ02'),
          (104.5, NULL, 'WGS84'), (10.0, 95.0, 'WGS84')) t(lon, lat, sys)
        UNION ALL SELECT 103.4 + (i % 997) / 500.0, 27.8 + (i % 991) / 700.0, CASE WHEN i % 3 = 0 THEN 'GCJ02' ELSE 'WGS84' END
        FROM range(5000) r(i)
      ),
      got AS (
        SELECT *, atlas_geo(lon, lat, sys, ${withRegion}) AS g,
          atlas_wgs84_lon(lon, lat, sys) AS lon_w, atlas_wgs84_lat(lon, lat, sys) AS lat_w
        FROM pts
      ),
      expected AS (
        SELECT *, ${withRegion ? 'atlas_region_at(lon_w, lat_w)' : 'NULL::VARCHAR'} AS region FROM got
      )
      SELECT count(*)::INTEGER AS n,
        count(*) FILTER (WHERE g.lon IS DISTINCT FROM lon_w OR g.lat IS DISTINCT FROM lat_w
          OR g.region IS DISTINCT FROM region
          OR g.h3 IS DISTINCT FROM CASE WHEN ${withRegion} AND region IS NULL THEN NULL ELSE atlas_h3(lat_w, lon_w, 10) END
        )::INTEGER AS differing,
        count(g.region)::INTEGER AS regions, count(g.h3)::INTEGER AS cells
      FROM expected`;
    const [withRegions] = await rows(connection, sql(true));
    expect(withRegions).toMatchObject({ n: 5009, differing: 0 });
    expect(withRegions!.regions).toBeGreaterThan(1000);
    const [without] = await rows(connection, sql(false));
    expect(without).toMatchObject({ n: 5009, differing: 0, regions: 0 });
    expect(without!.cells).toBe(5006);
  });

  it('locates a large batch of random points across the city and beyond, chunk after chunk', async () => {
    // 50,000 points span many DuckDB vectors (2,048 rows each), so the UDFs' per-chunk paths all run. Speed is
    // measured by bench/etl, not here.
    await connection.run(
      `CREATE TEMP TABLE pts AS SELECT 103.4 + random() * 1.9 AS lon, 27.8 + random() * 1.4 AS lat
       FROM range(50000)`,
    );
    const located = await rows(connection, 'SELECT count(atlas_region_at(lon, lat))::INTEGER AS n FROM pts');
    expect(located[0]!.n).toBeGreaterThan(20_000);
    expect(located[0]!.n).toBeLessThan(50_000);
  });
});
