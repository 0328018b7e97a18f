import type { Filters } from '../filters/filters';
import { type DateRange, previousPeriod, rangeOf, sameRangeLastYear } from '../filters/periods';
import { KPI_MEASURES, type KpiValues } from '../sql/kpis';
import { fetchPeriodMeasures, kpiValues } from './period-measures';

/** The overview's KPI cards: each KPI for the selected range, the period before it (环比) and last year (同比). */
export interface OverviewKpis {
  ranges: { current: DateRange; previous: DateRange; lastYear: DateRange };
  current: KpiValues;
  previous: KpiValues;
  lastYear: KpiValues;
}

export async function fetchOverviewKpis(filters: Filters): Promise<OverviewKpis> {
  const current = rangeOf(filters);
  const ranges = { current, previous: previousPeriod(current), lastYear: sameRangeLastYear(current) };
  const measures = await fetchPeriodMeasures(filters, ranges, undefined, { measures: KPI_MEASURES });
  return {
    ranges,
    current: kpiValues(measures.current.get(null)),
    previous: kpiValues(measures.previous.get(null)),
    lastYear: kpiValues(measures.lastYear.get(null)),
  };
}
