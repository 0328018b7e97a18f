import { cellToParent, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as kpis } from '../../app/api/kpis/route';
import { GET as boundaries } from '../../app/api/map/boundaries/route';
import { GET as heat } from '../../app/api/map/heat/route';
import { GET as hexagons } from '../../app/api/map/hexagons/route';
import { GET as hotspots } from '../../app/api/map/hotspots/route';
import { GET as place } from '../../app/api/map/place/route';
import { GET as points } from '../../app/api/map/points/route';
import { GET as regions } from '../../app/api/map/regions/route';
import { GET as tickets } from '../../app/api/tickets/route';
import type { BoundaryCollection } from '../../lib/queries/map-boundaries';
import type { MapHeatRow } from '../../lib/queries/map-heat';
import type { MapHexagonRow } from '../../lib/queries/map-hexagons';
import type { MapHotspots } from '../../lib/queries/map-hotspots';
import { padBbox } from '../../lib/queries/map-params';
import type { PlaceSummary } from '../../lib/queries/map-place';
import { MAX_POINTS, type MapPointRow } from '../../lib/queries/map-points';
import type { MapRegions } from '../../lib/queries/map-regions';
import type { TicketList } from '../../lib/queries/ticket-list';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { signedRequest } from '../support/session';
import { query } from '../support/warehouse';

/**
 * The map's API routes on the sample city, called as Next calls them: hexagon counts against cells computed here
 * with h3-js from each ticket's coordinates, heat weights and point counts against SQL on `tickets`, districts
 * against their tickets, the payload limits of bbox and zoom, and hostile input answered with 400.
 */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('api-map');
}, 180_000);
afterAll(() => warehouse?.cleanup());

type Handler = (request: Request) => Promise<Response>;

async function get<T>(
  handler: Handler,
  params: string,
  accept?: string,
): Promise<{ body: T; response: Response }> {
  const response = await handler(
    signedRequest(`http://localhost/api/map/x?${params}`, accept ? { headers: { accept } } : undefined),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return { body: (await response.json()) as T, response };
}

const YEAR = 'from=2025-01-01&to=2025-12-31';
const inYear = "received_at >= DATE '2025-01-01' AND received_at < DATE '2026-01-01'";
/** 宜宾 as one screen at zoom 9, and the old town (翠屏区 centre) at zoom 13 and 15. */
const CITY = { west: 103.6, south: 27.6, east: 105.6, north: 29.4 };
const TOWN = { west: 104.56, south: 28.73, east: 104.64, north: 28.78 };
const STREET = { west: 104.59, south: 28.745, east: 104.6, north: 28.752 };
const box = (b: typeof CITY) => `bbox=${b.west},${b.south},${b.east},${b.north}`;

interface Located {
  lon: number;
  lat: number;
}
let located: Located[] = [];
beforeAll(async () => {
  located = await query<Located>(
    warehouse.config,
    `SELECT lon, lat FROM tickets WHERE ${inYear} AND lon IS NOT NULL`,
  );
});
const within = (p: Located, b: typeof CITY) =>
  p.lon >= b.west && p.lon <= b.east && p.lat >= b.south && p.lat <= b.north;

describe('map routes', () => {
  it('hexagons: r8 cells whose appeals centre in the padded box, counted whole, as h3-js computes them', async () => {
    // Stored cells follow H3's hierarchy: h3_r8 is the parent of the r10 cell of the point (docs/geography.md),
    // which for about 6% of points near an edge is a neighbour of the r8 cell containing the point itself. A cell
    // is placed at the mean position of all its appeals (any date), and shows all of the range's appeals in it.
    const { body, response } = await get<{ resolution: number; truncated: boolean; rows: MapHexagonRow[] }>(
      hexagons,
      `${YEAR}&${box(TOWN)}&zoom=12`,
    );
    expect(body.resolution).toBe(8);
    expect(response.headers.get('x-resolution')).toBe('8');
    const all = await query<Located & { inYear: boolean }>(
      warehouse.config,
      `SELECT lon, lat, ${inYear} AS "inYear" FROM tickets WHERE lon IS NOT NULL`,
    );
    const cells = new Map<string, { lon: number; lat: number; n: number; year: number }>();
    for (const p of all) {
      const cell = cellToParent(latLngToCell(p.lat, p.lon, 10), 8);
      const c = cells.get(cell) ?? { lon: 0, lat: 0, n: 0, year: 0 };
      c.lon += p.lon;
      c.lat += p.lat;
      c.n += 1;
      if (p.inYear) c.year += 1;
      cells.set(cell, c);
    }
    const padded = padBbox(TOWN);
    const expected = new Map(
      [...cells]
        .filter(([, c]) => c.year > 0 && within({ lon: c.lon / c.n, lat: c.lat / c.n }, padded))
        .map(([cell, c]) => [cell, c.year]),
    );
    expect(expected.size).toBeGreaterThan(10);
    expect(new Map(body.rows.map((r) => [r.cell, r.tickets]))).toEqual(expected);
    expect(body.rows.map((r) => r.tickets)).toEqual(
      [...body.rows.map((r) => r.tickets)].sort((a, b) => b - a),
    );
  });

  it('hexagons: the resolution follows the zoom, and the Arrow answer is small at city zoom', async () => {
    for (const [zoom, resolution] of [
      [9, 6],
      [11, 8],
      [14, 10],
    ] as const) {
      const { body } = await get<{ resolution: number; rows: MapHexagonRow[] }>(
        hexagons,
        `${YEAR}&${box(zoom === 9 ? CITY : TOWN)}&zoom=${zoom}`,
      );
      expect(body.resolution).toBe(resolution);
      expect(body.rows.every((r) => Number.parseInt(r.cell.charAt(1), 16) === resolution)).toBe(true);
    }
    const arrow = await hexagons(
      signedRequest(`http://localhost/api/map/hexagons?${YEAR}&${box(CITY)}&zoom=9`, {
        headers: { accept: 'application/vnd.apache.arrow.stream' },
      }),
    );
    expect(arrow.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const bytes = (await arrow.arrayBuffer()).byteLength;
    expect(bytes).toBeGreaterThan(1000);
    expect(bytes).toBeLessThan(100_000);
  });

  it('heat: weights add up to the located appeals in the padded box, in fewer points when zoomed out', async () => {
    const city = await get<{ rows: MapHeatRow[] }>(heat, `${YEAR}&${box(CITY)}&zoom=9`);
    const padded = padBbox(CITY);
    expect(city.body.rows.reduce((s, r) => s + r.tickets, 0)).toBe(
      located.filter((p) => within(p, padded)).length,
    );
    const far = await get<{ rows: MapHeatRow[] }>(heat, `${YEAR}&${box(CITY)}&zoom=7`);
    expect(far.body.rows.length).toBeLessThan(city.body.rows.length);
    expect(far.body.rows.reduce((s, r) => s + r.tickets, 0)).toBe(
      located.filter((p) => within(p, padded)).length,
    );
  });

  it('points: only the box, only from zoom 14, with the total in a header and at most the cap', async () => {
    const { body, response } = await get<{ total: number; rows: MapPointRow[] }>(
      points,
      `${YEAR}&${box(STREET)}&zoom=16`,
    );
    const inBox = located.filter((p) => within(p, STREET)).length;
    expect(body.total).toBe(inBox);
    expect(response.headers.get('x-total-count')).toBe(String(inBox));
    expect(body.rows.length).toBe(Math.min(inBox, MAX_POINTS));
    expect(body.rows.every((p) => within(p, STREET))).toBe(true);
    expect(Object.keys(body.rows[0] ?? {})).not.toContain('caller_key');
    const wide = await get<{ total: number; rows: MapPointRow[] }>(
      points,
      'from=2024-01-01&to=2025-12-31&bbox=104,28,105.5,29.5&zoom=14',
    );
    expect(wide.body.total).toBeGreaterThan(MAX_POINTS);
    expect(wide.body.rows).toHaveLength(MAX_POINTS);
    expect(wide.response.headers.get('x-truncated')).toBe('true');
    const low = await points(signedRequest(`http://localhost/api/map/points?${YEAR}&${box(STREET)}&zoom=12`));
    expect(low.status).toBe(400);
    expect(((await low.json()) as { error: string }).error).toContain('zoom 14');
  });

  it('regions: every district with its appeals, and per 10,000 only where the population is known', async () => {
    const { body } = await get<MapRegions>(regions, `${YEAR}&category=01`);
    expect(body.level).toBe(3);
    expect(body.rows).toHaveLength(10);
    const expected = await query<{ code: string; n: number }>(
      warehouse.config,
      `SELECT county_code AS code, count(*)::INTEGER AS n FROM tickets
       WHERE ${inYear} AND category_l1 = '01' AND county_code IS NOT NULL GROUP BY 1`,
    );
    for (const { code, n } of expected) expect(body.rows.find((r) => r.code === code)?.tickets).toBe(n);
    const cuiping = body.rows.find((r) => r.code === '511502');
    expect(cuiping?.per10k).toBeCloseTo(((cuiping?.tickets ?? 0) * 10_000) / 887_359, 9);
    expect(body.rows.filter((r) => r.population === null).every((r) => r.per10k === null)).toBe(true);
    const { body: shapes } = await get<BoundaryCollection>(boundaries, '');
    expect(shapes.features.map((f) => f.properties.code).sort()).toEqual(body.rows.map((r) => r.code).sort());
  });

  it('place: a hexagon and a district summarised from their own tickets', async () => {
    const [busiest] = await query<{ cell: string; n: number }>(
      warehouse.config,
      `SELECT lower(hex(h3_r8)) AS cell, count(*)::INTEGER AS n FROM tickets WHERE ${inYear} AND h3_r8 IS NOT NULL
       GROUP BY 1 ORDER BY n DESC, cell LIMIT 1`,
    );
    const { body } = await get<PlaceSummary>(place, `${YEAR}&cell=${busiest?.cell}`);
    expect(body.tickets).toBe(busiest?.n);
    expect(body.months.reduce((s, m) => s + m.tickets, 0)).toBe(busiest?.n);
    expect(body.categories.reduce((s, c) => s + c.tickets, 0)).toBeLessThanOrEqual(busiest?.n ?? 0);
    expect(body.recent.length).toBeGreaterThan(0);
    expect(body.town?.code).toMatch(/^5115\d{5}$/);
    const district = await get<PlaceSummary>(place, `${YEAR}&region=511504`);
    const [n] = await query<{ n: number }>(
      warehouse.config,
      `SELECT count(*)::INTEGER AS n FROM tickets WHERE ${inYear} AND county_code = '511504'`,
    );
    expect(district.body.tickets).toBe(n?.n);
    expect(district.body.departments[0]?.tickets).toBeGreaterThan(0);
  });

  it('the ticket list filters by a cell at r6, r8 or r10, and rollup views refuse it with a message', async () => {
    const [row] = await query<{ r6: string; r10: string }>(
      warehouse.config,
      `SELECT lower(hex(h3_r6)) AS r6, lower(hex(h3_r10)) AS r10 FROM tickets
       WHERE ${inYear} AND h3_r6 IS NOT NULL ORDER BY ticket_id LIMIT 1`,
    );
    for (const [cell, column] of [
      [row?.r6, 'h3_r6'],
      [row?.r10, 'h3_r10'],
    ] as const) {
      const [n] = await query<{ n: number }>(
        warehouse.config,
        `SELECT count(*)::INTEGER AS n FROM tickets WHERE ${inYear} AND lower(hex(${column})) = ?`,
        [cell],
      );
      const list = await tickets(signedRequest(`http://localhost/api/tickets?${YEAR}&cell=${cell}`));
      expect(((await list.json()) as TicketList).total).toBe(n?.n);
    }
    const refused = await kpis(signedRequest(`http://localhost/api/kpis?${YEAR}&cell=${row?.r6}`));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toContain('"cell"');
  });

  it('hotspots: a warehouse built without analytics says so instead of failing', async () => {
    const { body } = await get<MapHotspots>(hotspots, 'category=0104');
    expect(body).toEqual({ available: false, scope: '0104', reason: 'not_computed' });
  });

  it.each([
    ['hexagons', hexagons],
    ['heat', heat],
    ['points', points],
  ] as const)('%s answers nonsense bbox and zoom with 400 and a message', async (_name, handler) => {
    const hostile = [
      ['zoom=15', '"bbox"'],
      [`${box(STREET)}`, '"zoom"'],
      ['bbox=1,2,3&zoom=15', '"bbox"'],
      ['bbox=1,2,3,4,5&zoom=15', '"bbox"'],
      ['bbox=105,28,104,29&zoom=15', '"bbox"'],
      ['bbox=104,29,105,28&zoom=15', '"bbox"'],
      ['bbox=-200,28,104,29&zoom=15', '"bbox"'],
      ['bbox=0,0,100,10&zoom=15', '"bbox"'],
      ['bbox=NaN,28,104,29&zoom=15', '"bbox"'],
      ['bbox=1e3,28,104,29&zoom=15', '"bbox"'],
      ['bbox=104%3B%20DROP%20TABLE%20tickets,28,105,29&zoom=15', '"bbox"'],
      [`${box(STREET)}&zoom=99`, '"zoom"'],
      [`${box(STREET)}&zoom=14.5`, '"zoom"'],
      [`${box(STREET)}&zoom=-1`, '"zoom"'],
      [`${box(STREET)}&zoom=15&cell=8840E5C08BFFFFF`, '"cell"'],
      [`${box(STREET)}&zoom=15&cell=8740e5c08ffffff`, 'resolution 6, 8 or 10'],
      [`${box(STREET)}&zoom=15&cell=8840e5c08bfffff'%20OR%201=1`, '"cell"'],
      [`${box(STREET)}&zoom=15&layer=heat`, 'unknown parameter "layer"'],
    ] as const;
    for (const [params, message] of hostile) {
      const response = await handler(signedRequest(`http://localhost/api/map/x?${YEAR}&${params}`));
      expect(response.status, params).toBe(400);
      const body = (await response.json()) as { error: string };
      expect(body.error, params).toContain(message);
    }
    const [n] = await query<{ n: number }>(warehouse.config, 'SELECT count(*)::INTEGER AS n FROM tickets');
    expect(n?.n).toBeGreaterThan(20_000);
  });
});
