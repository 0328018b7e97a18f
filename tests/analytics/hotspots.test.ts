import { readFileSync } from 'node:fs';
import { gridDistance, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOTSPOT_PARAMETERS, hotspotClassInfo } from '../../lib/analytics/hotspots/classes';
import { classifyEmergingHotspot } from '../../lib/analytics/hotspots/emerging-classes';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { query } from '../support/warehouse';

/**
 * The hotspot step on the committed sample city (20,000 appeals, 2024–2025) against its planted ground truth: the
 * market with year-round noise, the crossing that floods every rainy season, the construction site whose complaints
 * start in April 2025 and grow, and nothing where nothing was planted. The 20k sample carries enough signal: the
 * planted sites add 7–20 appeals a month to a cell that expects under one of their kind.
 */
interface Site {
  id: string;
  categoryCode: string;
  center: [number, number];
  startMonth?: string;
}
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  hotspots: { persistent: Site[]; emerging: Site[] };
  repeatCallers: { categoryCode: string; ticketIds: string[] }[];
};
const site = (id: string) =>
  [...truth.hotspots.persistent, ...truth.hotspots.emerging].find((s) => s.id === id)!;
const centreCell = (s: Site) => latLngToCell(s.center[1], s.center[0], HOTSPOT_PARAMETERS.resolution);

interface CellRow {
  scope: string;
  h3: string;
  hotspot_class: string | null;
  gi_z: number;
  q_value: number;
  hot_months: number;
  months: number;
  tickets: number;
  last_hot_month: string | null;
  season_months: string | null;
}

let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;
let cells: CellRow[];

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('hotspots', { analytics: ['hotspots'] });
  cells = await query<CellRow>(
    warehouse.config,
    `SELECT scope, lower(hex(cell)) AS h3, hotspot_class, gi_z, q_value, hot_months, months, tickets,
            strftime(last_hot_month, '%Y-%m-%d') AS last_hot_month, season_months
     FROM hotspot_cells`,
  );
}, 240_000);
afterAll(() => warehouse?.cleanup());

const inScope = (scope: string) => cells.filter((c) => c.scope === scope);
const atSite = (s: Site) => inScope(s.categoryCode).find((c) => c.h3 === centreCell(s));
const isHot = (c: CellRow) => hotspotClassInfo(c.hotspot_class)?.hot === true;

describe('hotspot tables', () => {
  it('follow the contract the map reads', async () => {
    const columns = await query<{ table_name: string; column_name: string; data_type: string }>(
      warehouse.config,
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_name IN ('hotspot_cells', 'hotspot_cell_months', 'hotspot_meta')`,
    );
    const type = (table: string, column: string) =>
      columns.find((c) => c.table_name === table && c.column_name === column)?.data_type;
    expect(type('hotspot_cells', 'cell')).toBe('UBIGINT');
    expect(type('hotspot_cells', 'last_hot_month')).toBe('DATE');
    expect(type('hotspot_cells', 'hotspot_class')).toBe('VARCHAR');
    expect(type('hotspot_cell_months', 'hot')).toBe('BOOLEAN');
    expect(type('hotspot_cell_months', 'month')).toBe('DATE');
    expect(type('hotspot_meta', 'computed_at')).toBe('TIMESTAMP');
    for (const column of [
      'scope',
      'resolution',
      'lon',
      'lat',
      'county_code',
      'town_code',
      'tickets',
      'gi_z',
      'p_value',
      'q_value',
      'trend_z',
      'trend_p',
      'hot_months',
      'months',
    ])
      expect(type('hotspot_cells', column), column).toBeDefined();
  });

  it('analyse all appeals, every first-level category and the second-level ones with enough appeals', async () => {
    const meta = await query<{
      scope: string;
      months: number;
      first_month: string;
      resolution: number;
      k_ring: number;
    }>(
      warehouse.config,
      `SELECT scope, months, strftime(first_month, '%Y-%m-%d') AS first_month, resolution, k_ring FROM hotspot_meta`,
    );
    const scopes = meta.map((m) => m.scope);
    expect(scopes).toContain('all');
    expect(scopes.filter((s) => s.length === 2)).toHaveLength(12);
    const secondLevel = await query<{ code: string }>(
      warehouse.config,
      `SELECT category_l2 AS code FROM tickets WHERE h3_r10 IS NOT NULL AND category_l2 IS NOT NULL
       GROUP BY 1 HAVING count(*) >= $1 ORDER BY 1`,
      [HOTSPOT_PARAMETERS.minSecondLevelTickets],
    );
    expect(scopes.filter((s) => s.length === 4).sort()).toEqual(secondLevel.map((r) => r.code));
    expect(meta.every((m) => m.months === 24 && m.first_month === '2024-01-01')).toBe(true);
    expect(meta.every((m) => m.resolution === 8 && m.k_ring === 1)).toBe(true);
  });

  it('count every located appeal of a scope once, month by month, and list every cell they mention', async () => {
    const [check] = await query<{ cells: number; months: number; located: number }>(
      warehouse.config,
      `SELECT (SELECT sum(tickets) FROM hotspot_cells WHERE scope = '0202')::INTEGER AS cells,
              (SELECT sum(tickets) FROM hotspot_cell_months WHERE scope = '0202')::INTEGER AS months,
              (SELECT count(*) FROM tickets WHERE category_l2 = '0202' AND h3_r10 IS NOT NULL)::INTEGER AS located`,
    );
    expect(check!.cells).toBe(check!.located);
    expect(check!.months).toBe(check!.located);
    const [orphans] = await query<{ n: number }>(
      warehouse.config,
      `SELECT count(*)::INTEGER AS n FROM hotspot_cell_months m ANTI JOIN hotspot_cells c USING (scope, cell)`,
    );
    expect(orphans!.n).toBe(0);
  });
});

describe('planted hot spots', () => {
  it('the market with year-round noise (0202) is a persistent hot spot at its cell and around it', () => {
    const market = site('market-noise');
    const cell = atSite(market)!;
    expect(cell.hotspot_class).toBe('persistent');
    expect(cell.hot_months).toBeGreaterThanOrEqual(0.9 * cell.months);
    const ring = inScope(market.categoryCode).filter((c) => gridDistance(c.h3, centreCell(market)) <= 1);
    expect(ring.filter((c) => c.hotspot_class === 'persistent').length).toBeGreaterThanOrEqual(5);
  });

  it('the crossing that floods each rainy season (0104) recurs as a seasonal hot spot, June to September', () => {
    // ArcGIS's classes have no word for it: hot in 8 of 24 months and quiet in December, it would be "no pattern".
    const flooding = site('flooding');
    const cell = atSite(flooding)!;
    expect(cell.hotspot_class).toBe('seasonal');
    expect(hotspotClassInfo(cell.hotspot_class)?.family).toBe('recurring');
    // The two-month test window carries September's floods into October.
    expect(cell.season_months?.split(',').map(Number)).toEqual(expect.arrayContaining([6, 7, 8, 9]));
  });

  it('the construction site (0201) is an emerging hot spot, found within two months of its start', async () => {
    const construction = site('emerging-construction');
    const cell = atSite(construction)!;
    expect(['new', 'consecutive', 'intensifying']).toContain(cell.hotspot_class);
    expect(cell.last_hot_month).toBe('2025-12-01');
    const [first] = await query<{ month: string }>(
      warehouse.config,
      `SELECT strftime(min(month), '%Y-%m') AS month FROM hotspot_cell_months
       WHERE scope = $1 AND lower(hex(cell)) = $2 AND hot`,
      [construction.categoryCode, centreCell(construction)],
    );
    const [year, month] = construction.startMonth!.split('-').map(Number) as [number, number];
    const [firstYear, firstMonth] = first!.month.split('-').map(Number) as [number, number];
    expect(firstYear * 12 + firstMonth - (year * 12 + month)).toBeLessThanOrEqual(2);

    // As the map would have classed it then: the months up to the first hot one make a new hot spot.
    const months = await query<{ month: string; hot: boolean; cold: boolean }>(
      warehouse.config,
      `SELECT strftime(m.month, '%Y-%m') AS month, coalesce(c.hot, false) AS hot, coalesce(c.cold, false) AS cold
       FROM (SELECT unnest(generate_series(first_month, last_month, INTERVAL 1 MONTH))::DATE AS month
             FROM hotspot_meta WHERE scope = $1) m
       LEFT JOIN hotspot_cell_months c ON c.month = m.month AND c.scope = $1 AND lower(hex(c.cell)) = $2
       ORDER BY m.month`,
      [construction.categoryCode, centreCell(construction)],
    );
    const upToFirstHot = months.slice(0, months.findIndex((m) => m.month === first!.month) + 1);
    expect(
      classifyEmergingHotspot({
        hot: upToFirstHot.map((m) => m.hot),
        cold: upToFirstHot.map((m) => m.cold),
        firstCalendarMonth: Number(upToFirstHot[0]!.month.slice(5, 7)),
        trend: { z: 0, p: 1 },
      }),
    ).toBe('new');
  });
});

describe('no hot spots where nothing was planted', () => {
  it('the planted categories light up only at their sites', () => {
    for (const s of [site('market-noise'), site('flooding'), site('emerging-construction')]) {
      const scope = inScope(s.categoryCode);
      const away = scope.filter((c) => isHot(c) && gridDistance(c.h3, centreCell(s)) > 2);
      expect(away, s.id).toEqual([]);
    }
  });

  it('categories with nothing planted show no emerging-hotspot class', () => {
    const planted = new Set(['0104', '0202', '0201', '01', '02']);
    const categoryCells = cells.filter((c) => c.scope !== 'all' && !planted.has(c.scope));
    const classed = categoryCells.filter(isHot);
    expect(categoryCells.length).toBeGreaterThan(10_000);
    expect(classed.length).toBeLessThanOrEqual(0.002 * categoryCells.length);
  });

  it('fewer than 5% of significant category cells lie away from a planted signal', async () => {
    // Planted signals: the three sites, and the 20 repeat callers (3–8 appeals each from one address, in one
    // category), which are real concentrations too. Significant: hot over the whole span after the FDR.
    const located = await query<{ source_id: string; h3: string }>(
      warehouse.config,
      `SELECT source_id, lower(hex(h3_r8)) AS h3 FROM tickets WHERE h3_r8 IS NOT NULL`,
    );
    const cellOf = new Map(located.map((t) => [t.source_id, t.h3]));
    const plantedCells = [
      ...[site('market-noise'), site('flooding'), site('emerging-construction')].map(centreCell),
      ...truth.repeatCallers.flatMap((r) =>
        r.ticketIds.map((id) => cellOf.get(id)).filter((h) => h !== undefined),
      ),
    ];
    const significant = cells.filter((c) => c.scope !== 'all' && c.q_value <= 0.05 && c.gi_z > 0);
    const away = significant.filter((c) => plantedCells.every((p) => gridDistance(c.h3, p) > 1));
    expect(significant.length).toBeGreaterThan(20);
    expect(away.length / significant.length).toBeLessThan(0.05);
  });
});
