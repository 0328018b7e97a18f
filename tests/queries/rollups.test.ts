import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filters } from '../../lib/filters/filters';
import { filtersWhere } from '../../lib/sql/filters-where';
import { rollupFor } from '../../lib/sql/rollup-choice';
import { ROLLUP_MEASURES } from '../../lib/sql/rollup-measures';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { query } from '../support/warehouse';

/** The two rollups must give the same sums wherever the small one is chosen, and both must match the tickets. */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('rollups');
}, 180_000);
afterAll(() => warehouse?.cleanup());

const SUMS = ROLLUP_MEASURES.map((m) => `coalesce(sum(${m}), 0)::DOUBLE AS ${m}`).join(', ');

async function sums(
  table: 'daily_counts' | 'daily_totals',
  filters: Filters,
): Promise<Record<string, number>> {
  const where = filtersWhere(filters, table);
  const [row] = await query<Record<string, number>>(
    warehouse.config,
    `SELECT ${SUMS} FROM ${table} ${where.sql}`,
    where.params as never,
  );
  return row ?? {};
}

describe('rollups', () => {
  it.each<Filters>([
    { from: '2024-01-01', to: '2025-12-31' },
    { from: '2025-07-01', to: '2025-07-31', region: '511502' },
    { from: '2025-07-01', to: '2025-09-30', region: '511500', category: '01' },
    { from: '2025-01-01', to: '2025-12-31', channel: '网络问政' },
  ])('agree on every measure where the small one answers: %o', async (filters) => {
    expect(rollupFor(filters)).toBe('daily_totals');
    const small = await sums('daily_totals', filters);
    const large = await sums('daily_counts', filters);
    expect(small.tickets).toBeGreaterThan(0);
    // Sums of hours are DOUBLE: added in another order they may differ in the last bits.
    for (const measure of ROLLUP_MEASURES)
      expect(small[measure], measure).toBeCloseTo(large[measure] ?? Number.NaN, 6);
  });

  it('send questions the small one cannot answer to the large one', () => {
    const month = { from: '2025-07-01', to: '2025-07-31' };
    expect(rollupFor({ ...month, region: '511502001' })).toBe('daily_counts');
    expect(rollupFor({ ...month, category: '0104' })).toBe('daily_counts');
    expect(rollupFor({ ...month, type: 'complaint' })).toBe('daily_counts');
    expect(rollupFor({ ...month, dept: '市住房城乡建设局' })).toBe('daily_counts');
    expect(rollupFor(month, ['department'])).toBe('daily_counts');
    expect(rollupFor(month, ['county_code'])).toBe('daily_totals');
    expect(() => filtersWhere({ ...month, category: '0104' }, 'daily_totals')).toThrow(/second-level/);
  });

  it('count every ticket once, with the facts straight from the tickets', async () => {
    const [row] = await query<Record<string, number>>(
      warehouse.config,
      `SELECT count(*)::DOUBLE AS tickets,
              count(*) FILTER (WHERE overdue)::DOUBLE AS overdue,
              count(*) FILTER (WHERE closed_at < received_at)::DOUBLE AS closed_before_received,
              count(*) FILTER (WHERE status NOT IN ('closed', 'cancelled'))::DOUBLE AS still_open,
              (SELECT count(*) FROM repeat_appeals)::DOUBLE AS repeat_appeals
       FROM tickets`,
    );
    const total = await sums('daily_totals', { from: '2000-01-01', to: '2030-12-31' });
    for (const key of ['tickets', 'overdue', 'closed_before_received', 'still_open', 'repeat_appeals'])
      expect(total[key], key).toBe(row?.[key]);
  });
});
