import type { Filters } from '../filters/filters';
import { type DateRange, previousPeriod, rangeOf } from '../filters/periods';
import type { Text } from '../i18n/codes';
import { quantileFromBuckets } from '../sql/handling-time';
import { type ClosureQuality, fetchClosureQualityByUnit } from './handling-units';
import { fetchPeriodMeasures, kpiValues, type PeriodMeasures } from './period-measures';

/**
 * The departments view (部门考核): every handling department's KPIs in the selected range and a score that
 * rewards handling hard tickets well.
 *
 * Score (0–100) = 100 × (W + K × R) ÷ (C + K), where
 *   C = the department's complexity-weighted tickets (lib/sql/ticket-facts.ts: 1 per ticket, +1 several
 *       departments, +1 escalated, +1 a repeat appeal, +0.5 dispatched more than once),
 *   W = the complexity of its tickets handled well (closed, not overdue, not reported unresolved, not rated
 *       dissatisfied),
 *   R = the same ratio W ÷ C over all departments under the same filters (the city rate), and
 *   K = 20: every department starts as if it had 20 complexity points handled at the city rate, so a department
 *       with 3 tickets all handled well scores near the city rate instead of 100 and cannot top the list.
 * A department with fewer than MIN_RANKED_TICKETS tickets is listed but not ranked.
 *
 * The scorecard always compares all departments: a department filter (`dept`) picks which rows are returned,
 * but the city rate and the ranks are those of the full list, so a department's score does not change when it is
 * looked at alone.
 */
export const SCORE_PRIOR_WEIGHT = 20;
export const MIN_RANKED_TICKETS = 20;

/** The score formula in words, for the hover text beside the score. */
export const DEPARTMENT_SCORE_FORMULA: Text = {
  zh:
    '综合得分 = 100 ×（妥善办理的复杂度 + 20 × 全市妥善率）÷（复杂度 + 20）。' +
    '复杂度：每件 1 分，多部门办理 +1，督办/提级 +1，重复诉求 +1，多次派单 +0.5；' +
    '妥善办理：已办结、未超期、未反映未解决、未评不满意；全市妥善率为同一筛选条件下所有部门的妥善办理复杂度 ÷ 复杂度。' +
    '加 20 分按全市水平计入，件数很少的部门不会因偶然全部办好而排到前列；不足 20 件的部门不参与排名。',
  en:
    'Score = 100 × (complexity handled well + 20 × city rate) ÷ (complexity + 20). ' +
    'Complexity: 1 per ticket, +1 when several departments handle it, +1 escalated, +1 a repeat appeal, ' +
    '+0.5 dispatched more than once. Handled well: closed, not overdue, not reported unresolved, not rated ' +
    'dissatisfied. The city rate is complexity handled well ÷ complexity over all departments under the same ' +
    'filters. The 20 points at the city rate keep a department with a handful of lucky tickets off the top; ' +
    'departments with fewer than 20 tickets are not ranked.',
};

/** One department's figures in one period; rates are null when their denominator is empty. */
export interface DepartmentFigures {
  tickets: number;
  onTimeRate: number | null;
  medianHandlingHours: number | null;
  p90HandlingHours: number | null;
  returnRate: number | null;
  satisfactionRate: number | null;
  repeatRate: number | null;
  resolvedRate: number | null;
  overdue: number;
  escalated: number;
  multiDepartment: number;
  complexity: number;
  complexityHandledWell: number;
  score: number;
}

export interface DepartmentScorecardRow {
  department: string;
  current: DepartmentFigures;
  /** Null when the department had no tickets in the previous period. */
  previous: DepartmentFigures | null;
  /** current.score − previous.score. */
  scoreChange: number | null;
  enoughTickets: boolean;
  /** 1 = best; null when the department has too few tickets to rank. */
  rank: number | null;
  previousRank: number | null;
  /** Whether its closures hold, in the current range (docs/handling.md); null before the handling step has run. */
  closureQuality: ClosureQuality | null;
}

export interface DepartmentScorecard {
  ranges: { current: DateRange; previous: DateRange };
  /** R in the score formula, per period; null when no department had tickets. */
  cityRate: { current: number | null; previous: number | null };
  /** Ranked departments by rank, then the unranked ones by score. */
  rows: DepartmentScorecardRow[];
}

/** The shrunk score of a department (see the contract above); the city rate stands in when it has no tickets. */
export function departmentScore(
  complexityHandledWell: number,
  complexity: number,
  cityRate: number | null,
  priorWeight = SCORE_PRIOR_WEIGHT,
): number {
  return (100 * (complexityHandledWell + priorWeight * (cityRate ?? 0))) / (complexity + priorWeight);
}

function cityRateOf(groups: Map<string | null, PeriodMeasures>): number | null {
  let handledWell = 0;
  let complexity = 0;
  for (const [department, measures] of groups) {
    if (department === null) continue;
    handledWell += measures.sums.complexity_handled_well;
    complexity += measures.sums.complexity;
  }
  return complexity > 0 ? handledWell / complexity : null;
}

function figuresOf(measures: PeriodMeasures, cityRate: number | null): DepartmentFigures {
  const kpis = kpiValues(measures);
  const { sums } = measures;
  return {
    tickets: sums.tickets,
    onTimeRate: kpis.onTimeRate,
    medianHandlingHours: kpis.medianHandlingHours,
    p90HandlingHours: quantileFromBuckets(measures.handlingBuckets, 0.9),
    returnRate: kpis.returnRate,
    satisfactionRate: kpis.satisfactionRate,
    repeatRate: kpis.repeatRate,
    resolvedRate: kpis.resolvedRate,
    overdue: sums.overdue,
    escalated: sums.escalated,
    multiDepartment: sums.multi_department,
    complexity: sums.complexity,
    complexityHandledWell: sums.complexity_handled_well,
    score: departmentScore(sums.complexity_handled_well, sums.complexity, cityRate),
  };
}

/** Figures of every named department in one period, with ranks among those with enough tickets. */
function scorePeriod(groups: Map<string | null, PeriodMeasures>) {
  const cityRate = cityRateOf(groups);
  const figures = new Map<string, DepartmentFigures>();
  for (const [department, measures] of groups) {
    if (department !== null && measures.sums.tickets > 0)
      figures.set(department, figuresOf(measures, cityRate));
  }
  const ranked = [...figures]
    .filter(([, f]) => f.tickets >= MIN_RANKED_TICKETS)
    .sort(([a, fa], [b, fb]) => fb.score - fa.score || fb.tickets - fa.tickets || a.localeCompare(b));
  const ranks = new Map(ranked.map(([department], i) => [department, i + 1]));
  return { cityRate, figures, ranks };
}

/** Every department's scorecard for the selected range, with the previous period (环比) beside it. */
export async function fetchDepartmentScorecard(filters: Filters): Promise<DepartmentScorecard> {
  const current = rangeOf(filters);
  const ranges = { current, previous: previousPeriod(current) };
  const { dept, ...allDepartments } = filters;
  const measures = await fetchPeriodMeasures(allDepartments, ranges, 'department');
  const now = scorePeriod(measures.current);
  const before = scorePeriod(measures.previous);
  const closures = await fetchClosureQualityByUnit(allDepartments);
  const rows: DepartmentScorecardRow[] = [];
  for (const [department, figures] of now.figures) {
    if (dept !== undefined && department !== dept) continue;
    const previous = before.figures.get(department) ?? null;
    rows.push({
      department,
      current: figures,
      previous,
      scoreChange: previous ? figures.score - previous.score : null,
      enoughTickets: figures.tickets >= MIN_RANKED_TICKETS,
      rank: now.ranks.get(department) ?? null,
      previousRank: before.ranks.get(department) ?? null,
      closureQuality: closures.get(department) ?? null,
    });
  }
  rows.sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
      b.current.score - a.current.score ||
      b.current.tickets - a.current.tickets ||
      a.department.localeCompare(b.department),
  );
  return { ranges, cityRate: { current: now.cityRate, previous: before.cityRate }, rows };
}
