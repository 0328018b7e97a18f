import type { Filters } from '../filters/filters';
import { fetchMonthHotspots } from '../queries/briefing-hotspots';
import { fetchRecurringPlaces, fetchRepeatCategories } from '../queries/briefing-repeats';
import { fetchCategoryShares } from '../queries/category-shares';
import { fetchChannelMix } from '../queries/channel-mix';
import { fetchDataSpan } from '../queries/data-span';
import { fetchDepartmentScorecard } from '../queries/department-scorecard';
import { fetchDistrictRanking } from '../queries/district-ranking';
import { calendarBuilt, fetchProactiveCalendar } from '../queries/forecast-calendar';
import { fetchBriefingHandlingQuality } from '../queries/handling-briefing';
import { fetchBoundaries } from '../queries/map-boundaries';
import { fetchOverviewKpis } from '../queries/overview-kpis';
import { fetchPeriodMeasures } from '../queries/period-measures';
import { fetchVolumeTrend } from '../queries/volume-trend';
import { emptySums } from '../sql/rollup-measures';
import {
  BRIEFING_LIMITS,
  type BriefingModel,
  type BriefingOutlook,
  type BriefingOverview,
  type BriefingResult,
} from './model';
import { type BriefingMonth, monthCoverage, monthRange, shiftMonth } from './month';

/**
 * The briefing of one month for the whole city, every figure read through lib/queries (KPIs, 环比 and 同比 exactly
 * as on the overview). A month without tickets is `no_data` with the months the warehouse does hold.
 */
export async function fetchBriefing(month: BriefingMonth): Promise<BriefingResult> {
  const span = await fetchDataSpan();
  const coverage = span ? monthCoverage(month, span) : 'none';
  if (!span || coverage === 'none') return { kind: 'no_data', month, span };
  const range = monthRange(month);
  const filters: Filters = { from: range.from, to: range.to };
  const [overview, shares, districts, scorecard, repeatCategories, places, hotspots, outlook, boundaries] =
    await Promise.all([
      fetchOverview(filters, month),
      fetchCategoryShares(filters, BRIEFING_LIMITS.rising),
      fetchDistrictRanking(filters),
      fetchDepartmentScorecard(filters),
      fetchRepeatCategories(filters, BRIEFING_LIMITS.repeats),
      fetchRecurringPlaces(filters, { limit: BRIEFING_LIMITS.places }),
      fetchMonthHotspots(month),
      fetchOutlook(month, span.lastDay),
      fetchBoundaries(),
    ]);
  const quality = await fetchBriefingHandlingQuality(filters);
  if (overview.kpis.current.appeals === 0) return { kind: 'no_data', month, span };
  const located = districts.filter((d) => d.code !== null);
  const model: BriefingModel = {
    month,
    range,
    ranges: overview.kpis.ranges,
    span,
    coverage,
    overview,
    categories: {
      top: shares.rows
        .filter((r) => r.l2 !== null)
        .sort((a, b) => b.tickets - a.tickets || (a.l2 ?? '').localeCompare(b.l2 ?? ''))
        .slice(0, BRIEFING_LIMITS.categories),
      rising: shares.rising,
    },
    districts: {
      ranked: located,
      unlocated: districts.find((d) => d.code === null)?.tickets ?? 0,
      byRate: located
        .filter((d) => d.per10k !== null)
        .sort((a, b) => (b.per10k ?? 0) - (a.per10k ?? 0) || (a.code ?? '').localeCompare(b.code ?? '')),
      hotspots,
      boundaries: boundaries.features.filter((f) => f.properties.level === 3),
    },
    handling: {
      ranked: scorecard.rows.filter((r) => r.rank !== null),
      unranked: scorecard.rows.filter((r) => r.rank === null).length,
      quality,
    },
    repeats: { byCategory: repeatCategories, places: places.rows, placesTotal: places.total },
    outlook,
  };
  return { kind: 'ok', model };
}

async function fetchOverview(filters: Filters, month: BriefingMonth): Promise<BriefingOverview> {
  const trendFrom = `${shiftMonth(month, -11)}-01`;
  const [kpis, measures, mix, trend] = await Promise.all([
    fetchOverviewKpis(filters),
    fetchPeriodMeasures(filters, { current: filters }, undefined, { handlingTimes: false }),
    fetchChannelMix(filters),
    fetchVolumeTrend({ from: trendFrom, to: filters.to }, 'month'),
  ]);
  const channels = new Map<string, number>();
  const types = new Map<string, number>();
  for (const row of mix) {
    channels.set(row.channel, (channels.get(row.channel) ?? 0) + row.tickets);
    if (row.appealType !== null) types.set(row.appealType, (types.get(row.appealType) ?? 0) + row.tickets);
  }
  const byCount = <K extends string>(map: Map<string, number>, key: K) =>
    [...map]
      .map(([name, tickets]) => ({ [key]: name, tickets }) as Record<K, string> & { tickets: number })
      .sort((a, b) => b.tickets - a.tickets || a[key].localeCompare(b[key]));
  const appealTypes = byCount(types, 'type');
  return {
    kpis,
    sums: measures.current.get(null)?.sums ?? emptySums(),
    channels: byCount(channels, 'channel'),
    appealTypes,
    typedTickets: appealTypes.reduce((sum, t) => sum + t.tickets, 0),
    trend,
  };
}

async function fetchOutlook(month: BriefingMonth, lastDay: string): Promise<BriefingOutlook> {
  if (!(await calendarBuilt())) return { status: 'not_computed' };
  const nextMonth = shiftMonth(month, 1);
  const rows = await fetchProactiveCalendar({ months: 3, region: null, category: null });
  // The forecasts run from the end of the data: a month whose next month already has data was not forecast.
  if (nextMonth <= lastDay.slice(0, 7)) {
    const first = rows.map((r) => r.month.slice(0, 7)).sort()[0] ?? null;
    return { status: 'past_month', nextMonth, forecastFrom: first };
  }
  return { status: 'ready', nextMonth, items: rows.filter((r) => r.month.startsWith(nextMonth)) };
}
