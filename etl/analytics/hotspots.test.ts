import { DuckDBInstance } from '@duckdb/node-api';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execute, queryRows } from '../../lib/db/connection';
import { h3ToBigInt } from '../../lib/geo/h3-cells';
import { refreshHotspots } from './hotspots';

/** The hotspot step on a hand-made tickets table (only the columns it reads), in an in-memory DuckDB. */
let instance: DuckDBInstance;
let connection: Awaited<ReturnType<DuckDBInstance['connect']>>;

beforeEach(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await execute(
    connection,
    `CREATE TABLE tickets (received_at TIMESTAMP, category_l1 VARCHAR, category_l2 VARCHAR, county_code VARCHAR,
       town_code VARCHAR, h3_r6 UBIGINT, h3_r8 UBIGINT, h3_r10 UBIGINT)`,
  );
});
afterEach(() => {
  connection.closeSync();
  instance.closeSync();
});

const centre = latLngToCell(28.75, 104.6, 10);
const a8 = latLngToCell(28.75, 104.6, 8);
const b8 = gridDisk(a8, 1).find((h) => h !== a8)!;
const far8 = latLngToCell(28.3, 104.1, 8);

async function addTicket(
  at: string,
  cell8: string,
  l1: string | null,
  l2: string | null,
  county: string,
  town: string,
) {
  await execute(connection, 'INSERT INTO tickets VALUES ($1::TIMESTAMP, $2, $3, $4, $5, NULL, $6, $7)', [
    at,
    l1,
    l2,
    county,
    town,
    h3ToBigInt(cell8),
    // h3_r10 only marks the ticket as located; any value does.
    h3ToBigInt(centre),
  ]);
}

describe('refreshHotspots', () => {
  it('creates empty tables when no appeal is located', async () => {
    await refreshHotspots(connection);
    for (const table of ['hotspot_cells', 'hotspot_cell_months', 'hotspot_meta']) {
      const [row] = await queryRows<{ n: number }>(connection, `SELECT count(*)::INTEGER AS n FROM ${table}`);
      expect(row!.n, table).toBe(0);
    }
  });

  it('writes one row per scope and cell, per month with appeals, and per scope in the meta table', async () => {
    await addTicket('2025-01-05 10:00', a8, '01', '0101', '511502', '511502001');
    await addTicket('2025-01-20 10:00', a8, '01', '0101', '511502', '511502001');
    await addTicket('2025-03-02 10:00', a8, '02', '0201', '511503', '511503002');
    await addTicket('2025-02-11 10:00', b8, '02', '0201', '511502', '511502001');
    await addTicket('2025-03-15 10:00', far8, null, null, '511526', '511526100');
    await refreshHotspots(connection);
    // Run twice: the tables are replaced, not appended to.
    await refreshHotspots(connection);

    const meta = await queryRows<{
      scope: string;
      months: number;
      first: string;
      last: string;
      cells: number;
      tickets: number;
    }>(
      connection,
      `SELECT scope, months, strftime(first_month, '%Y-%m-%d') AS first, strftime(last_month, '%Y-%m-%d') AS last,
              cells, tickets FROM hotspot_meta ORDER BY scope`,
    );
    // No second-level category reaches 100 appeals: all, 01 and 02 only.
    expect(meta).toEqual([
      { scope: '01', months: 3, first: '2025-01-01', last: '2025-03-01', cells: 1, tickets: 2 },
      { scope: '02', months: 3, first: '2025-01-01', last: '2025-03-01', cells: 2, tickets: 2 },
      { scope: 'all', months: 3, first: '2025-01-01', last: '2025-03-01', cells: 3, tickets: 5 },
    ]);

    const cells = await queryRows<{
      h3: string;
      tickets: number;
      county: string;
      town: string;
      lon: number;
      lat: number;
    }>(
      connection,
      `SELECT lower(hex(cell)) AS h3, tickets, county_code AS county, town_code AS town, lon, lat
       FROM hotspot_cells WHERE scope = 'all' ORDER BY tickets DESC`,
    );
    expect(Object.fromEntries(cells.map((c) => [c.h3, c.tickets]))).toEqual({ [a8]: 3, [b8]: 1, [far8]: 1 });
    expect(cells[0]!.h3).toBe(a8);
    // The region most of the cell's appeals are in: 2 of 3 in 翠屏区 511502001.
    expect(cells[0]).toMatchObject({ county: '511502', town: '511502001' });
    const [lat, lon] = cellToLatLng(a8);
    expect(cells[0]!.lon).toBeCloseTo(lon, 9);
    expect(cells[0]!.lat).toBeCloseTo(lat, 9);

    const months = await queryRows<{ month: string; tickets: number; expected: number | null }>(
      connection,
      `SELECT strftime(month, '%Y-%m') AS month, tickets, expected FROM hotspot_cell_months
       WHERE scope = '01' ORDER BY month`,
    );
    // Cell a8 in January: 2 appeals of 01 among 2 categorised (share 1 in the window), so expected 2.
    expect(months).toEqual([{ month: '2025-01', tickets: 2, expected: 2 }]);
  });

  it('keeps the previous tables when a run fails', async () => {
    await addTicket('2025-01-05 10:00', a8, '01', '0101', '511502', '511502001');
    await refreshHotspots(connection);
    // A view in the way of the last table makes the rebuild fail after the first tables were replaced.
    await execute(connection, 'DROP TABLE hotspot_meta');
    await execute(connection, 'CREATE VIEW hotspot_meta AS SELECT 1 AS x');
    await addTicket('2025-02-05 10:00', b8, '01', '0101', '511502', '511502001');
    await expect(refreshHotspots(connection)).rejects.toThrow();
    const [row] = await queryRows<{ n: number }>(
      connection,
      `SELECT count(*)::INTEGER AS n FROM hotspot_cells WHERE scope = 'all'`,
    );
    expect(row!.n).toBe(1);
  });
});
