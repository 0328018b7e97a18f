import { readFileSync } from 'node:fs';
import { cellToParent, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, openWarehouse } from '../../lib/db/connection';
import { type Filters, FiltersError } from '../../lib/filters/filters';
import { fetchMapHexagons, hexagonSource, MAX_HEXAGONS } from '../../lib/queries/map-hexagons';
import { fetchMapHotspots, hotspotScope } from '../../lib/queries/map-hotspots';
import { hexResolutionForZoom, padBbox } from '../../lib/queries/map-params';
import { fetchMapRegions } from '../../lib/queries/map-regions';
import { filtersWhere } from '../../lib/sql/filters-where';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { query } from '../support/warehouse';

/**
 * The map's queries on the sample city. The hotspot tables are written here by hand in the shape the `hotspots`
 * analytics step fills (its contract: hotspot_cells, hotspot_cell_months, hotspot_meta), so the layer and its
 * ranked list are tested on known rows whatever the statistics find; the browser test checks the real step.
 */
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  hotspots: {
    persistent: { id: string; center: [number, number]; categoryCode: string; districtCode: string }[];
  };
};
const flooding = truth.hotspots.persistent.find((h) => h.id === 'flooding')!;
const FLOOD_CELL = cellToParent(latLngToCell(flooding.center[1], flooding.center[0], 10), 8);
/** A cell of 叙州区 for a second, weaker hotspot and a cold spot nearby. */
const OTHER_CELL = '8840e5c66bfffff';
const COLD_CELL = '8840e5c08bfffff';

let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('queries-map');
  const writable = await openWarehouse(warehouse.config.databasePath);
  const cell = (hex: string) => `${BigInt(`0x${hex}`)}::UBIGINT`;
  try {
    await execute(
      writable.connection,
      `CREATE TABLE hotspot_cells (scope VARCHAR, resolution INTEGER, cell UBIGINT, lon DOUBLE, lat DOUBLE,
         county_code VARCHAR, town_code VARCHAR, tickets INTEGER, gi_z DOUBLE, p_value DOUBLE, q_value DOUBLE,
         hotspot_class VARCHAR, trend_z DOUBLE, trend_p DOUBLE, hot_months INTEGER, months INTEGER, last_hot_month DATE);
       CREATE TABLE hotspot_cell_months (scope VARCHAR, cell UBIGINT, month DATE, tickets INTEGER, gi_z DOUBLE,
         p_value DOUBLE, hot BOOLEAN);
       CREATE TABLE hotspot_meta (scope VARCHAR, resolution INTEGER, k_ring INTEGER, first_month DATE, last_month DATE,
         months INTEGER, cells INTEGER, method VARCHAR, computed_at TIMESTAMP);
       INSERT INTO hotspot_cells VALUES
         ('0104', 8, ${cell(FLOOD_CELL)}, ${flooding.center[0]}, ${flooding.center[1]}, '511502', '511502012', 172,
          9.5, 0.0, 0.0, 'persistent', 0.4, 0.6, 8, 24, DATE '2025-09-01'),
         ('0104', 8, ${cell(OTHER_CELL)}, 104.58, 28.72, '511504', NULL, 12, 3.1, 0.002, 0.01, 'sporadic',
          0.1, 0.9, 3, 24, DATE '2025-07-01'),
         ('0104', 8, ${cell(COLD_CELL)}, 104.5, 28.7, '511504', NULL, 0, -2.8, 0.005, 0.03, 'cold_persistent',
          0.0, 1.0, 0, 24, NULL),
         ('0104', 8, ${cell('8840e5c08dfffff')}, 104.5, 28.7, '511504', NULL, 1, 0.1, 0.9, 0.9, NULL,
          0.0, 1.0, 0, 24, NULL);
       INSERT INTO hotspot_cell_months
         SELECT '0104', ${cell(FLOOD_CELL)}, m::DATE, CASE WHEN month(m) BETWEEN 6 AND 9 THEN 20 ELSE 1 END,
                CASE WHEN month(m) BETWEEN 6 AND 9 THEN 8.0 ELSE 0.5 END, 0.0, month(m) BETWEEN 6 AND 9
         FROM range(DATE '2024-01-01', DATE '2026-01-01', INTERVAL 1 MONTH) r(m);
       INSERT INTO hotspot_meta VALUES
         ('0104', 8, 1, DATE '2024-01-01', DATE '2025-12-01', 24, 4, 'gi_star_fdr', TIMESTAMP '2026-01-01 02:00:00'),
         ('all', 8, 1, DATE '2024-01-01', DATE '2025-12-01', 24, 0, 'gi_star_fdr', TIMESTAMP '2026-01-01 02:00:00');`,
    );
  } finally {
    writable.close();
  }
}, 180_000);
afterAll(() => warehouse?.cleanup());

const YEAR = { from: '2025-01-01', to: '2025-12-31' };

describe('map queries', () => {
  it('the hotspot layer shows classed cells of the category scope, hot before cold', async () => {
    expect(hotspotScope({ category: '0104' })).toBe('0104');
    expect(hotspotScope({})).toBe('all');
    const result = await fetchMapHotspots({ ...YEAR, category: '0104' });
    if (!result.available) throw new Error(`not available: ${result.reason}`);
    expect(result.meta).toMatchObject({
      resolution: 8,
      kRing: 1,
      firstMonth: '2024-01',
      lastMonth: '2025-12',
    });
    expect(result.cells.map((c) => [c.cell, c.hotspotClass])).toEqual([
      [FLOOD_CELL, 'persistent'],
      [OTHER_CELL, 'sporadic'],
      [COLD_CELL, 'cold_persistent'],
    ]);
  });

  it('ranks the planted flooding site first, with its months, categories and masked texts', async () => {
    const result = await fetchMapHotspots({ ...YEAR, category: '0104' });
    if (!result.available) throw new Error('not available');
    expect(result.ranked.map((h) => h.cell)).toEqual([FLOOD_CELL, OTHER_CELL]);
    const site = result.ranked[0]!;
    expect(site).toMatchObject({ countyName: '翠屏区', hotMonths: 8, lastHotMonth: '2025-09' });
    expect(site.months).toHaveLength(24);
    expect(site.months.filter((m) => m.hot).map((m) => m.month.slice(5))).toEqual([
      '06',
      '07',
      '08',
      '09',
      '06',
      '07',
      '08',
      '09',
    ]);
    const [inCell] = await query<{ n: number }>(
      warehouse.config,
      `SELECT count(*)::INTEGER AS n FROM tickets WHERE lower(hex(h3_r8)) = ? AND category_l2 = '0104'`,
      [FLOOD_CELL],
    );
    expect(inCell?.n).toBeGreaterThan(100);
    expect(site.categories).toEqual([
      { code: '01', nameZh: expect.any(String), nameEn: expect.any(String), tickets: inCell?.n },
    ]);
    expect(site.topSubcategory?.code).toBe('0104');
    expect(site.samples).toHaveLength(3);
    expect(site.samples.join('')).not.toMatch(/1[3-9]\d{9}/);
  });

  it('follows the region filter and says when a scope or the tables are missing', async () => {
    const xuzhou = await fetchMapHotspots({ ...YEAR, category: '0104', region: '511504' });
    expect(xuzhou.available && xuzhou.cells.map((c) => c.cell)).toEqual([OTHER_CELL, COLD_CELL]);
    expect(await fetchMapHotspots({ ...YEAR, category: '02' })).toEqual({
      available: false,
      scope: '02',
      reason: 'scope_missing',
    });
    const all = await fetchMapHotspots(YEAR);
    expect(all.available && all.ranked).toEqual([]);
  });

  it('a cell filter is bound and valid SQL on tickets, and refused on a rollup', async () => {
    const where = filtersWhere({ ...YEAR, cell: FLOOD_CELL }, 'tickets');
    expect(where.sql).toContain('h3_r8 = $cell');
    expect(where.sql).not.toContain(FLOOD_CELL);
    const [plan] = await query<Record<string, string>>(
      warehouse.config,
      `EXPLAIN SELECT count(*) FROM tickets ${where.sql.replace(/\$(\w+)/g, '?')}`,
      [YEAR.from, YEAR.to, BigInt(`0x${FLOOD_CELL}`)],
    );
    expect(plan).toBeDefined();
    expect(() => filtersWhere({ ...YEAR, cell: FLOOD_CELL }, 'daily_totals')).toThrow(FiltersError);
  });

  it('sizes hexagons to the zoom, pads the box, and counts districts from the rollups like tickets', async () => {
    expect([3, 10, 11, 13, 14, 18].map(hexResolutionForZoom)).toEqual([6, 6, 8, 8, 10, 10]);
    expect(padBbox({ west: -179, south: 80, east: 179, north: 89 })).toEqual({
      west: -180,
      south: 77.75,
      east: 180,
      north: 90,
    });
    const city = await fetchMapHexagons(YEAR, {
      bbox: { west: 103.6, south: 27.6, east: 105.6, north: 29.4 },
      zoom: 9,
    });
    expect(city.resolution).toBe(6);
    expect(city.truncated).toBe(false);
    expect(city.table.numRows).toBeLessThan(MAX_HEXAGONS);
    const regions = await fetchMapRegions(YEAR);
    const [placed] = await query<{ n: number }>(
      warehouse.config,
      `SELECT count(*)::INTEGER AS n FROM tickets WHERE received_at >= DATE '2025-01-01'
       AND received_at < DATE '2026-01-01' AND county_code IS NOT NULL`,
    );
    expect(regions.rows.reduce((s, r) => s + r.tickets, 0)).toBe(placed?.n);
  });

  it('counts r6 hexagons from the daily cell rollup exactly as from the tickets, for every filter', async () => {
    const CITY_BOX = { west: 103.6, south: 27.6, east: 105.6, north: 29.4 };
    const [county] = await query<{ code: string }>(
      warehouse.config,
      'SELECT county_code AS code FROM tickets WHERE county_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
    );
    const [town] = await query<{ code: string }>(
      warehouse.config,
      'SELECT town_code AS code FROM tickets WHERE town_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
    );
    const [department] = await query<{ name: string }>(
      warehouse.config,
      'SELECT department AS name FROM tickets WHERE department IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
    );
    const cases: Filters[] = [
      YEAR,
      { ...YEAR, category: '01' },
      { ...YEAR, channel: '12345热线' },
      { ...YEAR, region: county!.code },
      { ...YEAR, region: '511500', category: '01', channel: '12345热线' },
      { ...YEAR, region: town!.code, category: '01' },
      { ...YEAR, category: '0104' },
      { from: '2024-03-05', to: '2024-04-17', type: 'complaint' },
      { ...YEAR, dept: department!.name, type: 'complaint' },
      // Not answered by the rollup (it holds no text): the tickets answer it.
      { ...YEAR, q: '噪音' },
    ];
    expect(cases.map((f) => hexagonSource(f, 6))).toEqual([...Array(9).fill('daily_cells'), 'tickets']);
    expect(hexagonSource(YEAR, 8)).toBe('daily_cells');
    expect(hexagonSource(YEAR, 10)).toBe('tickets');
    for (const filters of cases) {
      const layer = await fetchMapHexagons(filters, { bbox: CITY_BOX, zoom: 9 });
      const where = filtersWhere(filters, 'tickets');
      const expected = await query<{ cell: string; tickets: number }>(
        warehouse.config,
        `SELECT lower(printf('%x', h3_r6)) AS cell, count(*)::INTEGER AS tickets FROM tickets
         ${where.sql.replace(/\$(\w+)/g, (_, name) => `'${String(where.params[name]).replace(/'/g, "''")}'`)}
           AND h3_r6 IS NOT NULL
         GROUP BY 1 ORDER BY 1`,
      );
      const got = (layer.table.toArray() as { cell: string; tickets: number }[])
        .map((r) => ({ cell: r.cell, tickets: r.tickets }))
        .sort((a, b) => a.cell.localeCompare(b.cell));
      expect(got, JSON.stringify(filters)).toEqual(expected);
      expect(got.length, JSON.stringify(filters)).toBeGreaterThan(0);
    }
  });
});
