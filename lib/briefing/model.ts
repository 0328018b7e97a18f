import type { DateRange } from '../filters/periods';
import type { MonthHotspots } from '../queries/briefing-hotspots';
import type { RecurringPlaceRow, RepeatCategoryRow } from '../queries/briefing-repeats';
import type { CategoryShareRow, RisingCategory } from '../queries/category-shares';
import type { DataSpan } from '../queries/data-span';
import type { DepartmentScorecardRow } from '../queries/department-scorecard';
import type { DistrictRankingRow } from '../queries/district-ranking';
import type { ProactiveCalendarRow } from '../queries/forecast-calendar';
import type { BriefingHandlingQuality } from '../queries/handling-briefing';
import type { BoundaryFeature } from '../queries/map-boundaries';
import type { OverviewKpis } from '../queries/overview-kpis';
import type { VolumeTrendPoint } from '../queries/volume-trend';
import type { MeasureSums } from '../sql/rollup-measures';
import type { BriefingMonth } from './month';

/**
 * Everything the monthly briefing (月度分析报告) says, for one month, as numbers fetched through lib/queries. The
 * sentence templates (lib/briefing/text) and the page, PDF and Word writers read only this: no figure in the
 * briefing is computed anywhere else.
 */
export interface BriefingModel {
  month: BriefingMonth;
  range: DateRange;
  /** The month's 环比 and 同比 ranges (lib/filters/periods, as on the overview). */
  ranges: OverviewKpis['ranges'];
  span: DataSpan;
  /** Partial: the data start or end inside the month, so its figures cover only part of it. */
  coverage: 'complete' | 'partial';
  overview: BriefingOverview;
  categories: BriefingCategories;
  districts: BriefingDistricts;
  handling: BriefingHandling;
  repeats: BriefingRepeats;
  outlook: BriefingOutlook;
}

/** How many rows each ranked list of the briefing shows (the text names fewer: the first three). */
export const BRIEFING_LIMITS = {
  categories: 5,
  rising: 5,
  departments: 3,
  repeats: 5,
  places: 6,
  outlook: 8,
} as const;

/**
 * The share of still-open appeals from which the handling section warns that its figures may still change: the
 * overview's threshold for data notes (docs/dashboard.md).
 */
export const STILL_OPEN_NOTE = 0.005;

export interface BriefingOverview {
  /** The eight KPIs for the month, the month before and the same month last year (fetchOverviewKpis). */
  kpis: OverviewKpis;
  /** The month's rollup sums: the counts behind the rates (rated, resolved, returned …). */
  sums: MeasureSums;
  /** Appeals per channel, most first. */
  channels: { channel: string; tickets: number }[];
  /** Appeals per appeal type among tickets that record one, most first, and how many record one. */
  appealTypes: { type: string; tickets: number }[];
  typedTickets: number;
  /** Appeals per month over the twelve months ending with this one, with last year's month beside each. */
  trend: VolumeTrendPoint[];
}

export interface BriefingCategories {
  /** Second-level categories by appeals in the month, most first (five). */
  top: CategoryShareRow[];
  /** The second-level categories that rose most on the month before (fetchCategoryShares' rule). */
  rising: RisingCategory[];
}

export interface BriefingDistricts {
  /** Districts by appeals, most first; tickets without a district are `unlocated`. */
  ranked: DistrictRankingRow[];
  unlocated: number;
  /** The districts with a known population, by appeals per 10,000 residents, highest first. */
  byRate: DistrictRankingRow[];
  hotspots: MonthHotspots;
  /** District boundaries for the map image (region_shapes, level 3); empty when the warehouse has none. */
  boundaries: BoundaryFeature[];
}

export interface BriefingHandling {
  /** Departments ranked by the complexity-weighted score (department-scorecard.ts), best first. */
  ranked: DepartmentScorecardRow[];
  /** How many departments handled tickets but had too few to rank. */
  unranked: number;
  /** The worst bounce pairs and the units with most reopened closures; null before the handling step has run. */
  quality: BriefingHandlingQuality | null;
}

export interface BriefingRepeats {
  byCategory: RepeatCategoryRow[];
  /** The places that keep coming back (fetchRecurringPlaces' rule): the first few, and how many there are. */
  places: RecurringPlaceRow[];
  placesTotal: number;
}

/** The next month: the proactive calendar's items, or why there are none. */
export type BriefingOutlook =
  | { status: 'not_computed' }
  /** The stored forecasts start after the data's last month, which is later than the month after this one. */
  | { status: 'past_month'; nextMonth: BriefingMonth; forecastFrom: BriefingMonth | null }
  | { status: 'ready'; nextMonth: BriefingMonth; items: ProactiveCalendarRow[] };

/** A month the warehouse holds no tickets for: what the page, the files and the command say instead. */
export interface BriefingNoData {
  month: BriefingMonth;
  /** The months the warehouse does hold, or null when it is empty. */
  span: DataSpan | null;
}

export type BriefingResult = { kind: 'ok'; model: BriefingModel } | ({ kind: 'no_data' } & BriefingNoData);
