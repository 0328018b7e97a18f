import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filters } from '../../lib/filters/filters';
import { isWholeMonths } from '../../lib/filters/periods';
import { fetchPeriodMeasures } from '../../lib/queries/period-measures';
import { filtersWhere } from '../../lib/sql/filters-where';
import { quantileFromBuckets } from '../../lib/sql/handling-time';
import {
  cellRollupFor,
  filterDimensions,
  MONTHLY_SOURCES,
  monthlyTwin,
  noteMissingRollups,
  outdatedRollups,
  ROLLUP_TABLES,
  ROLLUPS,
  type RollupSource,
  rollupColumns,
  rollupDimensions,
  rollupFor,
} from '../../lib/sql/rollup-choice';
import { ROLLUP_MEASURES } from '../../lib/sql/rollup-measures';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { query } from '../support/warehouse';

/** The two rollups must give the same sums wherever the small one is chosen, and both must match the tickets. */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('rollups');
}, 180_000);
afterAll(() => warehouse?.cleanup());

async function sums(
  table: RollupSource | 'daily_cells' | 'monthly_cells',
  filters: Filters,
  measures: readonly string[] = ROLLUP_MEASURES,
  onlyClosedWithTime = false,
): Promise<Record<string, number>> {
  const where = filtersWhere(filters, table);
  const closed = onlyClosedWithTime ? 'AND handling_bucket IS NOT NULL' : '';
  const [row] = await query<Record<string, number>>(
    warehouse.config,
    `SELECT ${measures.map((m) => `coalesce(sum(${m}), 0)::DOUBLE AS ${m}`).join(', ')} FROM ${table} ${where.sql} ${closed}`,
    where.params as never,
  );
  return row ?? {};
}

describe('rollups', () => {
  const FILTERS: Filters[] = [
    { from: '2024-01-01', to: '2025-12-31' },
    { from: '2025-07-01', to: '2025-07-31', region: '511502' },
    { from: '2025-07-01', to: '2025-09-30', region: '511500', category: '01' },
    { from: '2025-01-01', to: '2025-12-31', channel: '网络问政' },
    { from: '2025-01-01', to: '2025-06-30', category: '0104' },
    { from: '2025-01-01', to: '2025-06-30', type: 'complaint', region: '511504' },
    { from: '2025-01-01', to: '2025-12-31', dept: '市住房城乡建设局' },
  ];
  const cases = ROLLUPS.filter((r) => r.table !== 'daily_counts').flatMap((rollup) =>
    FILTERS.filter((f) => filterDimensions(f).every((d) => rollup.dimensions.includes(d))).map(
      (filters) => [rollup.table, filters] as const,
    ),
  );

  it.each(cases)('%s agrees with daily_counts on %o', async (table, filters) => {
    const rollup = ROLLUPS.find((r) => r.table === table);
    const small = await sums(table, filters, rollup?.ticketsOnly ? ['tickets'] : ROLLUP_MEASURES);
    // The bucket tables hold closed tickets with a handling time only.
    const large = await sums(
      'daily_counts',
      filters,
      rollup?.ticketsOnly ? ['tickets'] : ROLLUP_MEASURES,
      rollup?.buckets,
    );
    expect(small.tickets).toBeGreaterThan(0);
    // Sums of hours are DOUBLE: added in another order they may differ in the last bits.
    for (const [measure, value] of Object.entries(large))
      expect(small[measure], measure).toBeCloseTo(value, 6);
  });

  const monthCases = MONTHLY_SOURCES.flatMap((daily) =>
    FILTERS.filter(
      (f) =>
        isWholeMonths(f) &&
        filterDimensions(f).every((d) => rollupDimensions(daily).includes(d)) &&
        // The sample's web messages have no coordinates, so no cells.
        !(daily === 'daily_cells' && f.channel === '网络问政'),
    ).map((filters) => [monthlyTwin(daily), daily, filters] as const),
  );

  it.each(monthCases)('%s sums to its daily twin %s on %o', async (monthly, daily, filters) => {
    const rollup = ROLLUPS.find((r) => r.table === daily);
    const measures = rollup && !rollup.ticketsOnly ? ROLLUP_MEASURES : ['tickets'];
    const [byMonth, byDay] = [await sums(monthly, filters, measures), await sums(daily, filters, measures)];
    expect(byMonth.tickets).toBeGreaterThan(0);
    for (const [measure, value] of Object.entries(byDay))
      expect(byMonth[measure], measure).toBeCloseTo(value, 6);
    // A month is one row per combination: far fewer rows than its days.
    const [counts] = await query<{ monthly: number; daily: number }>(
      warehouse.config,
      `SELECT (SELECT count(*) FROM ${monthly})::INTEGER AS monthly, (SELECT count(*) FROM ${daily})::INTEGER AS daily`,
    );
    expect(counts!.monthly).toBeLessThan(counts!.daily);
  });

  it('count a month in every period that holds it when periods overlap, as the daily rows do', async () => {
    const periods = {
      first: { from: '2025-01-01', to: '2025-06-30' },
      second: { from: '2025-04-01', to: '2025-09-30' },
    };
    const filters = { ...periods.first, region: '511502' };
    expect(rollupFor(filters, [], { ranges: Object.values(periods) })).toBe('monthly_totals');
    const byMonth = await fetchPeriodMeasures(filters, periods);
    for (const [name, range] of Object.entries(periods)) {
      const [row] = await query<{ n: number }>(
        warehouse.config,
        `SELECT count(*)::INTEGER AS n FROM tickets
         WHERE county_code = '511502' AND received_at::DATE BETWEEN $1::DATE AND $2::DATE`,
        [range.from, range.to],
      );
      expect(byMonth[name as keyof typeof periods].get(null)?.sums.tickets, name).toBe(row!.n);
    }
    try {
      noteMissingRollups(MONTHLY_SOURCES.map(monthlyTwin));
      const byDay = await fetchPeriodMeasures(filters, periods);
      for (const name of ['first', 'second'] as const) {
        const [month, day] = [byMonth[name].get(null)!, byDay[name].get(null)!];
        // Sums of hours are DOUBLE: added in another order they may differ in the last bits.
        for (const [measure, value] of Object.entries(day.sums))
          expect(month.sums[measure as keyof typeof month.sums], measure).toBeCloseTo(value, 6);
        // Buckets added up over the months: the same distribution, so the same median.
        expect(quantileFromBuckets(month.handlingBuckets, 0.5)).toBe(
          quantileFromBuckets(day.handlingBuckets, 0.5),
        );
        expect(month.handlingBuckets.length).toBe(new Set(month.handlingBuckets.map((b) => b.bucket)).size);
      }
    } finally {
      noteMissingRollups([]);
    }
  });

  it('read the monthly twin only when every range asked is whole months', () => {
    const july = { from: '2025-07-01', to: '2025-07-31' };
    const june = { from: '2025-06-01', to: '2025-06-30' };
    const part = { from: '2025-07-02', to: '2025-07-31' };
    expect(rollupFor(july, [], { ranges: [july, june] })).toBe('monthly_totals');
    expect(rollupFor(july, [], { ranges: [july, part] })).toBe('daily_totals');
    expect(rollupFor(july)).toBe('daily_totals');
    expect(rollupFor({ ...july, region: '511502001' }, [], { ranges: [july] })).toBe('monthly_towns');
    expect(rollupFor({ ...july, type: 'help' }, [], { buckets: true, ranges: [july] })).toBe(
      'monthly_type_handling',
    );
    expect(cellRollupFor(july)).toBe('monthly_cells');
    expect(cellRollupFor({ from: '2025-07-01', to: '2025-07-30' })).toBe('daily_cells');
    expect(() => filtersWhere(part, 'monthly_totals')).toThrow(/whole months/);
  });

  it('send each question to the smallest rollup that can answer it', () => {
    const month = { from: '2025-07-01', to: '2025-07-31' };
    expect(rollupFor(month)).toBe('daily_totals');
    expect(rollupFor({ ...month, region: '511502', category: '01', channel: 'App' })).toBe('daily_totals');
    expect(rollupFor(month, [], { buckets: true })).toBe('daily_handling');
    expect(rollupFor({ ...month, category: '0104' })).toBe('daily_categories');
    expect(rollupFor({ ...month, type: 'complaint' })).toBe('daily_types');
    expect(rollupFor(month, ['department'])).toBe('daily_departments');
    // A street: its own rollup, unless a column it lacks (the type, a handling-time bucket) is needed too.
    expect(rollupFor({ ...month, region: '511502001' })).toBe('daily_towns');
    expect(rollupFor({ ...month, region: '511502001', channel: 'App' }, ['category_l1'])).toBe('daily_towns');
    expect(rollupFor({ ...month, dept: 'x' }, [], { buckets: true })).toBe('daily_department_handling');
    expect(rollupFor({ ...month, type: 'help' }, [], { buckets: true })).toBe('daily_type_handling');
    expect(rollupFor({ ...month, category: '0104' }, [], { buckets: true })).toBe('daily_category_handling');
    expect(rollupFor({ ...month, region: '511502001' }, [], { buckets: true })).toBe('daily_counts');
    expect(rollupFor({ ...month, dept: 'x', type: 'help' }, [], { buckets: true })).toBe(
      'daily_department_handling',
    );
    // A type with a second-level category, or grouped by type: the category rollups keep the type.
    expect(rollupFor({ ...month, category: '0104', type: 'help' })).toBe('daily_categories');
    expect(rollupFor({ ...month, category: '0104' }, ['channel', 'appeal_type'])).toBe('daily_categories');
    expect(rollupFor({ ...month, dept: 'x', category: '0104' })).toBe('daily_departments');
    expect(rollupFor({ ...month, region: '511502001', type: 'help' })).toBe('daily_counts');
    expect(() => filtersWhere({ ...month, category: '0104' }, 'daily_totals')).toThrow(/category_l2/);
  });

  it('pass over rollups a warehouse built by an earlier version lacks', () => {
    const month = { from: '2025-07-01', to: '2025-07-31', type: 'help' as const };
    try {
      noteMissingRollups(['daily_type_handling', 'daily_types']);
      expect(rollupFor(month, [], { buckets: true })).toBe('daily_category_handling');
      expect(rollupFor(month)).toBe('daily_categories');
      noteMissingRollups(['daily_types', 'daily_categories', 'daily_departments']);
      expect(rollupFor(month)).toBe('daily_counts');
      expect(rollupFor({ from: month.from, to: month.to })).toBe('daily_totals');
    } finally {
      noteMissingRollups([]);
    }
    expect(rollupFor(month, [], { buckets: true })).toBe('daily_type_handling');
  });

  it('count a table an earlier version built without one of its columns as missing', () => {
    const current = new Map(
      ROLLUP_TABLES.map((table) => [table, new Set(['day', ...rollupColumns(table), 'tickets'])]),
    );
    expect(outdatedRollups(current)).toEqual([]);
    // daily_categories as it was before it kept the appeal type, and no monthly_cells at all.
    const older = new Map(current);
    older.set('daily_categories', new Set(['day', 'category_l1', 'category_l2', 'county_code', 'channel']));
    older.delete('monthly_cells');
    expect(outdatedRollups(older)).toEqual(['daily_categories', 'monthly_cells']);
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
