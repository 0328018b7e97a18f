import { describe, expect, it } from 'vitest';
import { ROLLUP_TABLES, ROLLUPS } from '../../lib/sql/rollup-choice';
import { rollupsToLeaveOut } from './rollup-plan';

/**
 * Estimates measured on the 1M generated work orders of bench:etl (three years, a few hundred a day): the daily
 * rollups with a street, a second-level category or a department have nearly a row per ticket.
 */
const CITY = new Map(
  Object.entries({
    daily_counts: 999_480,
    daily_totals: 131_189,
    monthly_totals: 3_331,
    daily_handling: 724_209,
    monthly_handling: 144_882,
    daily_types: 557_424,
    monthly_types: 25_913,
    daily_categories: 724_632,
    monthly_categories: 146_666,
    daily_departments: 980_742,
    monthly_departments: 159_011,
    daily_type_handling: 915_000,
    monthly_type_handling: 439_000,
    daily_category_handling: 943_000,
    monthly_category_handling: 782_000,
    daily_department_handling: 943_000,
    monthly_department_handling: 782_000,
    daily_towns: 805_974,
    monthly_towns: 54_963,
    tickets_with_cells: 999_000,
    daily_cells: 984_608,
    monthly_cells: 984_561,
  }),
);

describe('which rollups a rebuild builds', () => {
  it('leaves out the daily rollups with nearly a row per ticket, and keeps the monthly twins that shrink', () => {
    const leftOut = rollupsToLeaveOut(CITY, 0.5, 0);
    expect([...leftOut].sort()).toEqual([
      'daily_categories',
      'daily_category_handling',
      'daily_cells',
      'daily_department_handling',
      'daily_departments',
      'daily_handling',
      'daily_towns',
      'daily_type_handling',
      'daily_types',
      // Its department twin has the same rows and answers the same whole-month questions.
      'monthly_categories',
      'monthly_category_handling',
      'monthly_cells',
      'monthly_department_handling',
    ]);
  });

  it('compares a monthly twin with what would answer instead: a kept monthly twin that holds it', () => {
    const dense = new Map(CITY);
    dense.set('monthly_categories', 20_000);
    expect(rollupsToLeaveOut(dense, 0.5, 0).has('monthly_categories')).toBe(false);
  });

  it('keeps every rollup of a warehouse whose rollups shrink (many tickets a day)', () => {
    // Each daily rollup 40 % of the next larger one, each monthly twin a tenth of its daily rows.
    const busy = new Map<string, number>([
      ['daily_counts', 1_000_000],
      ['tickets_with_cells', 1_000_000],
      ['daily_cells', 300_000],
      ['monthly_cells', 30_000],
    ]);
    let rows = 1_000_000;
    for (const rollup of [...ROLLUPS].reverse().slice(1)) {
      rows *= 0.4;
      busy.set(rollup.table, rows);
      busy.set(rollup.table.replace('daily_', 'monthly_'), rows / 10);
    }
    expect([...rollupsToLeaveOut(busy, 0.5, 0)]).toEqual([]);
  });

  it('builds them all below the minimum size, or with a keep share of 1', () => {
    expect(rollupsToLeaveOut(CITY, 0.5, 1_000_000).size).toBe(0);
    expect(rollupsToLeaveOut(CITY, 1, 0).size).toBe(0);
  });

  it('leaves out monthly_cells with daily_cells: without it the map reads the tickets', () => {
    const cells = new Map(CITY);
    cells.set('monthly_cells', 10);
    const leftOut = rollupsToLeaveOut(cells, 0.5, 0);
    expect(leftOut.has('daily_cells') && leftOut.has('monthly_cells')).toBe(true);
  });

  it('can leave out every rollup table but daily_counts, and names nothing else', () => {
    const flat = new Map<string, number>([...ROLLUP_TABLES, 'tickets_with_cells'].map((t) => [t, 1_000_000]));
    const everything = rollupsToLeaveOut(flat, 0.5, 0);
    expect([...everything].sort()).toEqual(ROLLUP_TABLES.filter((t) => t !== 'daily_counts').sort());
  });
});
