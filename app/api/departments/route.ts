import { SMALL_COUNT_LIMIT, suppressesSmallCounts } from '@/lib/auth/roles';
import {
  type DepartmentFigures,
  type DepartmentScorecard,
  fetchDepartmentScorecard,
} from '@/lib/queries/department-scorecard';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

const WITH_APPEALS = [
  'complexity',
  'complexityHandledWell',
  'score',
  'onTimeRate',
  'returnRate',
  'satisfactionRate',
  'repeatRate',
  'resolvedRate',
] satisfies (keyof DepartmentFigures)[];

const small = (figures: DepartmentFigures | null) =>
  figures !== null && figures.tickets > 0 && figures.tickets < SMALL_COUNT_LIMIT;

/** The score change sits beside the figures, not in them: it goes when either period's score is withheld. */
function withoutSmallScoreChanges(scorecard: DepartmentScorecard): DepartmentScorecard {
  return {
    ...scorecard,
    rows: scorecard.rows.map((row) =>
      small(row.current) || small(row.previous) ? { ...row, scoreChange: null } : row,
    ),
  };
}

/** The departments view: DepartmentScorecard (every department's KPIs and score, this period and the one before). */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },
  {},
  async ({ filters, viewer }) => {
    const scorecard = await fetchDepartmentScorecard(filters);
    return {
      json: suppressesSmallCounts(viewer) ? withoutSmallScoreChanges(scorecard) : scorecard,
      smallCounts: ['tickets', 'overdue', 'escalated', 'multiDepartment'],
      // Beside one or two appeals, the complexity (at least 1 per appeal), the score (which gives the complexity
      // back with the city rate) and the rates (0, ½ or 1) would each give the count back.
      withheldWithCounts: Object.fromEntries(WITH_APPEALS.map((key) => [key, ['tickets']])),
    };
  },
);
