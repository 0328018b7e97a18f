import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filters } from '../../lib/filters/filters';
import {
  DEPARTMENT_SCORE_FORMULA,
  type DepartmentScorecard,
  fetchDepartmentScorecard,
  MIN_RANKED_TICKETS,
  SCORE_PRIOR_WEIGHT,
} from '../../lib/queries/department-scorecard';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { query } from '../support/warehouse';

/** The departments view against independent SQL on `tickets` (not on the rollup it reads). */
let warehouse: Awaited<ReturnType<typeof buildSampleWarehouse>>;
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  lateDepartment: { name: string };
};

beforeAll(async () => {
  warehouse = await buildSampleWarehouse('departments');
}, 180_000);
afterAll(() => warehouse?.cleanup());

const wholeSample: Filters = { from: '2024-01-01', to: '2025-12-31' };
const july: Filters = { from: '2025-07-01', to: '2025-07-31' };

interface ExactRow {
  department: string;
  tickets: number;
  onTime: number | null;
  median: number | null;
  satisfaction: number | null;
  returned: number | null;
  resolved: number | null;
  repeat: number | null;
  overdue: number;
  escalated: number;
  multi: number;
  complexity: number;
  handledWell: number;
}

/** Each figure written out again from the definitions in docs and lib/sql/ticket-facts.ts, straight on tickets. */
function exactFigures(filters: Filters): Promise<ExactRow[]> {
  return query<ExactRow>(
    warehouse.config,
    `WITH t AS (
       SELECT t.*, r.ticket_id IS NOT NULL AS is_repeat,
              1.0 + CASE WHEN len(co_departments) > 0 THEN 1 ELSE 0 END
                  + CASE WHEN escalated THEN 1 ELSE 0 END
                  + CASE WHEN r.ticket_id IS NOT NULL THEN 1 ELSE 0 END
                  + CASE WHEN dispatch_count > 1 THEN 0.5 ELSE 0 END AS weight,
              status = 'closed' AND overdue IS NOT TRUE AND resolved IS NOT FALSE
                AND (satisfaction IS NULL OR satisfaction <> 'dissatisfied') AS well
       FROM tickets t LEFT JOIN repeat_appeals r USING (ticket_id)
       WHERE received_at >= ?::DATE AND received_at < ?::DATE + INTERVAL 1 DAY)
     SELECT department, count(*)::INTEGER AS tickets,
            count(*) FILTER (WHERE status = 'closed' AND closed_at <= due_at)
              / nullif(count(*) FILTER (WHERE status = 'closed' AND closed_at IS NOT NULL AND due_at IS NOT NULL), 0) AS "onTime",
            median(handling_hours) FILTER (WHERE handling_hours >= 0) AS median,
            count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied')) / nullif(count(satisfaction), 0) AS satisfaction,
            count(*) FILTER (WHERE returned) / nullif(count(returned), 0) AS returned,
            count(*) FILTER (WHERE resolved) / nullif(count(resolved), 0) AS resolved,
            count(*) FILTER (WHERE is_repeat) / nullif(count(caller_key), 0) AS repeat,
            count(*) FILTER (WHERE overdue)::INTEGER AS overdue,
            count(*) FILTER (WHERE escalated)::INTEGER AS escalated,
            count(*) FILTER (WHERE len(co_departments) > 0)::INTEGER AS multi,
            sum(weight)::DOUBLE AS complexity,
            sum(CASE WHEN well THEN weight ELSE 0 END)::DOUBLE AS "handledWell"
     FROM t WHERE department IS NOT NULL GROUP BY department`,
    [filters.from, filters.to],
  );
}

describe('department scorecard', () => {
  let scorecard: DepartmentScorecard;
  let exact: Map<string, ExactRow>;
  beforeAll(async () => {
    scorecard = await fetchDepartmentScorecard(wholeSample);
    exact = new Map((await exactFigures(wholeSample)).map((r) => [r.department, r]));
  });

  it('lists every department with its exact ticket count', () => {
    expect(Object.fromEntries(scorecard.rows.map((r) => [r.department, r.current.tickets]))).toEqual(
      Object.fromEntries([...exact.values()].map((r) => [r.department, r.tickets])),
    );
  });

  it('gives each rate and count exactly as counted on the tickets', () => {
    for (const row of scorecard.rows) {
      const e = exact.get(row.department)!;
      const f = row.current;
      const close = (actual: number | null, expected: number | null) =>
        expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 12);
      close(f.onTimeRate, e.onTime);
      close(f.satisfactionRate, e.satisfaction);
      close(f.returnRate, e.returned);
      close(f.resolvedRate, e.resolved);
      close(f.repeatRate, e.repeat);
      expect([f.overdue, f.escalated, f.multiDepartment]).toEqual([e.overdue, e.escalated, e.multi]);
      close(f.complexity, e.complexity);
      close(f.complexityHandledWell, e.handledWell);
    }
  });

  it('estimates the median handling time within 5% of the exact median for departments of 100+ tickets', () => {
    const big = scorecard.rows.filter((r) => r.current.tickets >= 100);
    expect(big.length).toBeGreaterThan(10);
    for (const row of big) {
      const median = exact.get(row.department)!.median!;
      expect(Math.abs(row.current.medianHandlingHours! / median - 1), row.department).toBeLessThan(0.05);
      expect(row.current.p90HandlingHours!).toBeGreaterThan(row.current.medianHandlingHours!);
    }
  });

  it('scores one department as the formula says, recomputed by hand', () => {
    const all = [...exact.values()];
    const cityRate = all.reduce((s, r) => s + r.handledWell, 0) / all.reduce((s, r) => s + r.complexity, 0);
    expect(scorecard.cityRate.current).toBeCloseTo(cityRate, 12);
    for (const name of [truth.lateDepartment.name, '市公安局']) {
      const e = exact.get(name)!;
      const byHand = (100 * (e.handledWell + 20 * cityRate)) / (e.complexity + 20);
      expect(scorecard.rows.find((r) => r.department === name)?.current.score).toBeCloseTo(byHand, 9);
    }
    expect(SCORE_PRIOR_WEIGHT).toBe(20);
    expect(DEPARTMENT_SCORE_FORMULA.zh).toContain('20');
    expect(DEPARTMENT_SCORE_FORMULA.en).toContain('(complexity + 20)');
  });

  it('ranks departments with enough tickets by score and lists the others unranked', () => {
    const ranked = scorecard.rows.filter((r) => r.rank !== null);
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
    expect(scorecard.rows.slice(0, ranked.length)).toEqual(ranked);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i]!.current.score).toBeLessThanOrEqual(ranked[i - 1]!.current.score);
    for (const row of scorecard.rows) {
      expect(row.enoughTickets).toBe(row.current.tickets >= MIN_RANKED_TICKETS);
      expect(row.rank !== null).toBe(row.enoughTickets);
    }
    expect(scorecard.rows.some((r) => !r.enoughTickets)).toBe(true);
  });

  it('puts the planted late department at the bottom for closing on time, and low in the ranking', () => {
    const ranked = scorecard.rows.filter((r) => r.enoughTickets);
    const byOnTime = [...ranked].sort((a, b) => a.current.onTimeRate! - b.current.onTimeRate!);
    expect(byOnTime[0]?.department).toBe(truth.lateDepartment.name);
    const late = ranked.find((r) => r.department === truth.lateDepartment.name)!;
    expect(late.rank!).toBeGreaterThan(ranked.length * 0.9);
  });
});

describe('department scorecard against the previous period', () => {
  it("carries last period's figures and the change in score", async () => {
    const [now, june] = await Promise.all([
      fetchDepartmentScorecard(july),
      fetchDepartmentScorecard({ from: '2025-06-01', to: '2025-06-30' }),
    ]);
    expect(now.ranges.previous).toEqual({ from: '2025-06-01', to: '2025-06-30' });
    expect(now.cityRate.previous).toBeCloseTo(june.cityRate.current!, 12);
    const juneRows = new Map(june.rows.map((r) => [r.department, r]));
    for (const row of now.rows) {
      const before = juneRows.get(row.department);
      expect(row.previous).toEqual(before?.current ?? null);
      expect(row.previousRank).toBe(before?.rank ?? null);
      if (before) expect(row.scoreChange).toBeCloseTo(row.current.score - before.current.score, 12);
      else expect(row.scoreChange).toBeNull();
    }
  });

  it('shows one department, with its rank among all, when the department filter is set', async () => {
    const all = await fetchDepartmentScorecard(july);
    const one = await fetchDepartmentScorecard({ ...july, dept: truth.lateDepartment.name });
    expect(one.rows).toEqual(all.rows.filter((r) => r.department === truth.lateDepartment.name));
    expect(one.cityRate).toEqual(all.cityRate);
  });

  it('is empty, not an error, when nothing matches', async () => {
    const none = await fetchDepartmentScorecard({ ...july, category: '9999' });
    expect(none.rows).toEqual([]);
    expect(none.cityRate).toEqual({ current: null, previous: null });
  });
});
