import type { MeasureSums, RollupMeasure } from './rollup-measures';

/**
 * The leadership KPIs, each defined once: the overview cards, the trends view, the departments view and the
 * briefing all compute them from rollup sums with these functions. A rate with an empty denominator is null
 * ("no data"), never 0.
 */
export const KPI_IDS = [
  'appeals',
  'resolvedRate',
  'satisfactionRate',
  'onTimeRate',
  'overdueCount',
  'returnRate',
  'repeatRate',
  'medianHandlingHours',
] as const;

export type KpiId = (typeof KPI_IDS)[number];

export interface KpiDefinition {
  id: KpiId;
  unit: 'count' | 'share' | 'hours';
  /** Whether a rise is good news (green) or bad (red). */
  higherIsBetter: boolean;
  name: { zh: string; en: string };
  /** The formula in words, shown when a user hovers the card. */
  formula: { zh: string; en: string };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export const KPIS: Record<KpiId, KpiDefinition> = {
  appeals: {
    id: 'appeals',
    unit: 'count',
    higherIsBetter: false,
    name: { zh: '受理诉求', en: 'Appeals received' },
    formula: {
      zh: '所选范围内受理的诉求件数（按受理时间）',
      en: 'Appeals received in the selected range (by time received)',
    },
  },
  resolvedRate: {
    id: 'resolvedRate',
    unit: 'share',
    higherIsBetter: true,
    name: { zh: '解决率', en: 'Resolved rate' },
    formula: {
      zh: '已解决件数 ÷ 有解决情况记录的件数',
      en: 'Tickets marked resolved ÷ tickets with a resolution recorded',
    },
  },
  satisfactionRate: {
    id: 'satisfactionRate',
    unit: 'share',
    higherIsBetter: true,
    name: { zh: '满意率', en: 'Satisfaction' },
    formula: {
      zh: '（满意 + 基本满意）÷ 参与评价的件数',
      en: '(satisfied + basically satisfied) ÷ tickets rated by the caller',
    },
  },
  onTimeRate: {
    id: 'onTimeRate',
    unit: 'share',
    higherIsBetter: true,
    name: { zh: '按期办结率', en: 'Closed on time' },
    formula: {
      zh: '在办理时限内办结的件数 ÷ 有办理时限的已办结件数',
      en: 'Tickets closed by their due time ÷ closed tickets that had a due time',
    },
  },
  overdueCount: {
    id: 'overdueCount',
    unit: 'count',
    higherIsBetter: false,
    name: { zh: '超期件数', en: 'Overdue' },
    formula: {
      zh: '超过办理时限办结，或载入时已超期仍未办结的件数',
      en: 'Tickets closed after their due time, or still open past it when loaded',
    },
  },
  returnRate: {
    id: 'returnRate',
    unit: 'share',
    higherIsBetter: false,
    name: { zh: '回退率', en: 'Returned rate' },
    formula: {
      zh: '被退回（退单）过的件数 ÷ 记录了退单情况的件数',
      en: 'Tickets sent back by a department at least once ÷ tickets whose channel records returns',
    },
  },
  repeatRate: {
    id: 'repeatRate',
    unit: 'share',
    higherIsBetter: false,
    name: { zh: '重复诉求率', en: 'Repeat appeals' },
    formula: {
      zh: '同一来电人 30 天内就同一二级类别再次诉求的件数 ÷ 能识别来电人的件数',
      en: 'Appeals by the same caller on the same second-level category within 30 days ÷ appeals with a known caller',
    },
  },
  medianHandlingHours: {
    id: 'medianHandlingHours',
    unit: 'hours',
    higherIsBetter: false,
    name: { zh: '办理时长中位数', en: 'Median handling time' },
    formula: {
      zh: '已办结诉求从受理到办结的时长中位数（按对数分桶估算，误差约 ±3%）',
      en: 'Median time from received to closed over closed tickets (estimated from log-scale buckets, about ±3%)',
    },
  },
};

/** A KPI's value from summed rollup measures; the median comes from bucket counts, see kpiValues. */
export function kpiFromSums(id: Exclude<KpiId, 'medianHandlingHours'>, s: MeasureSums): number | null {
  switch (id) {
    case 'appeals':
      return s.tickets;
    case 'resolvedRate':
      return ratio(s.resolved, s.resolution_known);
    case 'satisfactionRate':
      return ratio(s.satisfied, s.rated);
    case 'onTimeRate':
      return ratio(s.closed_on_time, s.closed_with_due);
    case 'overdueCount':
      return s.overdue;
    case 'returnRate':
      return ratio(s.returned, s.return_known);
    case 'repeatRate':
      return ratio(s.repeat_appeals, s.caller_known);
  }
}

export type KpiValues = Record<KpiId, number | null>;

/** The rollup measures kpiFromSums reads (a KPI query sums only these). */
export const KPI_MEASURES: readonly RollupMeasure[] = [
  'tickets',
  'resolution_known',
  'resolved',
  'rated',
  'satisfied',
  'closed_with_due',
  'closed_on_time',
  'overdue',
  'return_known',
  'returned',
  'caller_known',
  'repeat_appeals',
];

/** The measures each KPI of kpiFromSums reads, with its base (KPI_BASE): a one-KPI query sums only these. */
export const KPI_READS: Record<Exclude<KpiId, 'medianHandlingHours'>, readonly RollupMeasure[]> = {
  appeals: ['tickets'],
  resolvedRate: ['resolved', 'resolution_known'],
  satisfactionRate: ['satisfied', 'rated'],
  onTimeRate: ['closed_on_time', 'closed_with_due'],
  overdueCount: ['overdue', 'tickets'],
  returnRate: ['returned', 'return_known'],
  repeatRate: ['repeat_appeals', 'caller_known'],
};

/**
 * What a KPI is counted over, shown as "n=" beside its value: a rate's denominator, the appeals for a count. The
 * median handling time is over the tickets in the handling-time buckets (closed, with a valid time), so it has no
 * single measure here.
 */
export const KPI_BASE: Record<Exclude<KpiId, 'medianHandlingHours'>, RollupMeasure> = {
  appeals: 'tickets',
  resolvedRate: 'resolution_known',
  satisfactionRate: 'rated',
  onTimeRate: 'closed_with_due',
  overdueCount: 'tickets',
  returnRate: 'return_known',
  repeatRate: 'caller_known',
};
