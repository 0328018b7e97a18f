import type { DepartmentScorecardRow } from '@/lib/queries/department-scorecard';
import { KPIS } from '@/lib/sql/kpis';
import type { SortOrder } from '@/lib/sql/ticket-selection';
import type { Text } from '../i18n/lang';

/** The columns of the departments table, in order; each is also a sort the URL may ask for (`sort`). */
export const SCORECARD_SORTS = [
  'rank',
  'department',
  'tickets',
  'score',
  'onTimeRate',
  'medianHandlingHours',
  'p90HandlingHours',
  'returnRate',
  'satisfactionRate',
  'repeatRate',
  'overdue',
  'reopenedAfterClosureRate',
  'fastClosureShare',
] as const;

export type ScorecardSort = (typeof SCORECARD_SORTS)[number];

/** How a column's value is written. */
export type ScorecardKind = 'rank' | 'text' | 'count' | 'score' | 'share' | 'hours';

export interface ScorecardColumn {
  id: ScorecardSort;
  kind: ScorecardKind;
  header: Text;
  /** What the column counts, shown on hover over its header. */
  hint?: Text;
  value: (row: DepartmentScorecardRow) => number | string | null;
}

const HANDLING_HINT: Text = {
  zh: '受理到办结的时长（已办结诉求），按分桶估算',
  en: 'Time from receipt to closure (closed tickets), estimated from buckets',
};

/**
 * Where a long Chinese header may wrap: the headers break at spaces only (globals.css, never inside a word), and a
 * zero-width space between two words lets the widest ones take two lines, so the table fits a 1280 px screen.
 */
const BREAK = '\u200b';

export const SCORECARD_COLUMNS: readonly ScorecardColumn[] = [
  { id: 'rank', kind: 'rank', header: { zh: '排名', en: 'Rank' }, value: (r) => r.rank },
  {
    id: 'department',
    kind: 'text',
    header: { zh: '承办部门', en: 'Department' },
    value: (r) => r.department,
  },
  { id: 'tickets', kind: 'count', header: { zh: '件数', en: 'Tickets' }, value: (r) => r.current.tickets },
  { id: 'score', kind: 'score', header: { zh: '综合得分', en: 'Score' }, value: (r) => r.current.score },
  {
    id: 'onTimeRate',
    kind: 'share',
    header: KPIS.onTimeRate.name,
    hint: KPIS.onTimeRate.formula,
    value: (r) => r.current.onTimeRate,
  },
  {
    id: 'medianHandlingHours',
    kind: 'hours',
    header: { zh: `办理时长${BREAK}中位数`, en: 'Median time' },
    hint: HANDLING_HINT,
    value: (r) => r.current.medianHandlingHours,
  },
  {
    id: 'p90HandlingHours',
    kind: 'hours',
    header: { zh: '90% 办结用时', en: '90th pct. time' },
    hint: { zh: '90% 的已办结诉求在此时长内办结', en: '90% of closed tickets were closed within this time' },
    value: (r) => r.current.p90HandlingHours,
  },
  {
    id: 'returnRate',
    kind: 'share',
    header: KPIS.returnRate.name,
    hint: KPIS.returnRate.formula,
    value: (r) => r.current.returnRate,
  },
  {
    id: 'satisfactionRate',
    kind: 'share',
    header: KPIS.satisfactionRate.name,
    hint: KPIS.satisfactionRate.formula,
    value: (r) => r.current.satisfactionRate,
  },
  {
    id: 'repeatRate',
    kind: 'share',
    header: KPIS.repeatRate.name,
    hint: KPIS.repeatRate.formula,
    value: (r) => r.current.repeatRate,
  },
  {
    id: 'overdue',
    kind: 'count',
    header: { zh: '超期件数', en: 'Overdue' },
    hint: {
      zh: '超过办理时限才办结、或到期仍未办结的件数；点击数字查看这些诉求',
      en: 'Closed after the due time, or still open past it; click the number for the tickets',
    },
    value: (r) => r.current.overdue,
  },
  {
    id: 'reopenedAfterClosureRate',
    kind: 'share',
    header: { zh: `办结后${BREAK}重复诉求率`, en: 'Reopened after closure' },
    hint: {
      zh: '办结（已解决或评价满意）后 30 天内同一来电人或同一地点就同一问题再次诉求的比例（见“办理质量”）',
      en: 'Closures (resolved or rated satisfied) followed within 30 days by an appeal on the same problem from the same caller or at the same place (see Handling)',
    },
    value: (r) => r.closureQuality?.reopenedAfterClosureRate ?? null,
  },
  {
    id: 'fastClosureShare',
    kind: 'share',
    header: { zh: `一小时内${BREAK}办结占比`, en: 'Closed within the hour' },
    hint: {
      zh: '派单后一小时内即办结的工单占已办结工单的比例；得分高而此项也高的部门，可能在快速办结简单件',
      en: 'Share of closed tickets closed within an hour of dispatch; a high score with a high share may come from closing easy tickets fast',
    },
    value: (r) => r.closureQuality?.fastClosureShare ?? null,
  },
];

/** The order a first click on a column sorts in: names and ranks from the top, figures largest first. */
export function firstOrder(sort: ScorecardSort): SortOrder {
  return sort === 'rank' || sort === 'department' ? 'asc' : 'desc';
}

/**
 * The rows in the order of one column. Missing values (a rate with nothing to count) go last in either
 * direction; ties keep the scorecard's own order (rank, then score), so a sort is stable and predictable.
 */
export function sortScorecardRows(
  rows: readonly DepartmentScorecardRow[],
  sort: ScorecardSort,
  order: SortOrder,
): DepartmentScorecardRow[] {
  const column = SCORECARD_COLUMNS.find((c) => c.id === sort) ?? SCORECARD_COLUMNS[0]!;
  const sign = order === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null)
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const diff =
        typeof a.value === 'string'
          ? a.value.localeCompare(b.value as string, 'zh-CN')
          : a.value - (b.value as number);
      return sign * diff || a.index - b.index;
    })
    .map((entry) => entry.row);
}
