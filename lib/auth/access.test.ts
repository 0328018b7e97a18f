import { describe, expect, it } from 'vitest';
import type { Filters } from '../filters/filters';
import { AccessError, checkRole, scopeFilters } from './access';
import { regionWithin } from './region-scope';
import type { Viewer } from './roles';

const MONTH: Filters = { from: '2025-07-01', to: '2025-07-31' };
const office: Viewer = { username: 'cuiping', role: 'office', region: '511502' };
const street: Viewer = { username: 'ximen', role: 'office', region: '511502001' };
const dept: Viewer = { username: 'water', role: 'department', department: '市水务局' };
const leader: Viewer = { username: 'mayor', role: 'leadership' };

function refusal(run: () => unknown): number | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof AccessError) return error.status;
    throw error;
  }
}

describe('regionWithin', () => {
  it.each([
    ['511502', '511502', true],
    ['511502001', '511502', true],
    ['511502001002', '511502001', true],
    ['511502', '511500', true],
    ['511503', '511500', true],
    ['511500', '511502', false],
    ['511503', '511502', false],
    ['511503001', '511502', false],
    ['511502', '511502001', false],
    ['510000', '511500', false],
    ['511500', '510000', true],
    ['521502', '511500', false],
  ])('%s within %s is %s', (code, scope, expected) => {
    expect(regionWithin(code, scope)).toBe(expected);
  });
});

describe('scopeFilters', () => {
  it('gives an office its own region when the filters name none, and keeps a street inside it', () => {
    expect(scopeFilters(MONTH, office).region).toBe('511502');
    expect(scopeFilters({ ...MONTH, region: '511502003' }, office).region).toBe('511502003');
  });

  it('refuses a wider or another region instead of silently replacing it', () => {
    expect(refusal(() => scopeFilters({ ...MONTH, region: '511503' }, office))).toBe(403);
    expect(refusal(() => scopeFilters({ ...MONTH, region: '511500' }, office))).toBe(403);
    expect(refusal(() => scopeFilters({ ...MONTH, region: '511502' }, street))).toBe(403);
    expect(refusal(() => scopeFilters({ ...MONTH, region: '511503001001' }, office))).toBe(403);
  });

  it('pins a department to itself and refuses another', () => {
    expect(scopeFilters(MONTH, dept).dept).toBe('市水务局');
    expect(refusal(() => scopeFilters({ ...MONTH, dept: '市城管局' }, dept))).toBe(403);
    // A department may still narrow by region: its scope is the department, not a place.
    expect(scopeFilters({ ...MONTH, region: '511503' }, dept)).toMatchObject({
      region: '511503',
      dept: '市水务局',
    });
  });

  it('leaves unscoped roles as asked', () => {
    expect(scopeFilters({ ...MONTH, region: '511503' }, leader)).toEqual({ ...MONTH, region: '511503' });
  });
});

describe('checkRole', () => {
  it('keeps ticket rows and text from leadership, and administration from everyone but administrators', () => {
    expect(refusal(() => checkRole(leader, { reveals: 'tickets', honours: ['region', 'dept'] }))).toBe(403);
    expect(refusal(() => checkRole(leader, { reveals: 'aggregates', honours: [] }))).toBeNull();
    expect(refusal(() => checkRole(office, { reveals: 'tickets', honours: ['region', 'dept'] }))).toBeNull();
    expect(
      refusal(() => checkRole({ username: 'a', role: 'analyst' }, { reveals: 'admin', honours: ['region'] })),
    ).toBe(403);
  });

  it('refuses scoped readers a view that cannot be cut to their scope', () => {
    expect(refusal(() => checkRole(office, { reveals: 'aggregates', honours: [] }))).toBe(403);
    expect(refusal(() => checkRole(dept, { reveals: 'aggregates', honours: ['region'] }))).toBe(403);
    expect(refusal(() => checkRole(office, { reveals: 'aggregates', honours: ['region'] }))).toBeNull();
  });
});
