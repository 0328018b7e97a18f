import { APPEAL_TYPES, type Filters } from '../../lib/filters/filters';
import { addDays, addMonths, monthEnd } from '../../lib/filters/periods';
import { fetchCategoryShares } from '../../lib/queries/category-shares';
import { fetchChannelMix } from '../../lib/queries/channel-mix';
import { fetchDataQuality } from '../../lib/queries/data-quality';
import { fetchDistrictRanking } from '../../lib/queries/district-ranking';
import type { FilterOptions } from '../../lib/queries/filter-options';
import { fetchMetricTrend } from '../../lib/queries/metric-trend';
import { fetchOverviewKpis } from '../../lib/queries/overview-kpis';
import { fetchVolumeTrend } from '../../lib/queries/volume-trend';
import type { TimeGrain } from '../../lib/sql/time-grain';

/** One dashboard request: its API URL and the same question asked of lib/queries directly. */
export interface RequestKind {
  name: string;
  view: 'overview' | 'trends';
  url: (filters: Filters) => string;
  direct: (filters: Filters) => Promise<unknown>;
}

function query(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra }))
    if (value) params.set(key, String(value));
  return params.toString();
}

/**
 * Every request the overview and trends views make, at the step the views pick for the range. Trend variants are
 * fixed per kind (not random) so each kind's percentiles describe one question.
 */
export function requestKinds(): RequestKind[] {
  const grainFor = (f: Filters): TimeGrain => {
    const days = (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 + 1;
    return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
  };
  const overview: RequestKind[] = [
    { name: 'kpis', view: 'overview', url: (f) => `/api/kpis?${query(f)}`, direct: fetchOverviewKpis },
    {
      name: 'volume-trend',
      view: 'overview',
      url: (f) => `/api/volume-trend?${query(f, { grain: grainFor(f) })}`,
      direct: (f) => fetchVolumeTrend(f, grainFor(f)),
    },
    {
      name: 'category-shares',
      view: 'overview',
      url: (f) => `/api/category-shares?${query(f)}`,
      direct: fetchCategoryShares,
    },
    {
      name: 'district-ranking',
      view: 'overview',
      url: (f) => `/api/district-ranking?${query(f)}`,
      direct: fetchDistrictRanking,
    },
    {
      name: 'channel-mix',
      view: 'overview',
      url: (f) => `/api/channel-mix?${query(f)}`,
      direct: fetchChannelMix,
    },
    {
      name: 'data-quality',
      view: 'overview',
      url: (f) => `/api/data-quality?${query(f)}`,
      direct: fetchDataQuality,
    },
  ];
  const trends: RequestKind[] = (['appeals', 'satisfactionRate', 'medianHandlingHours'] as const).flatMap(
    (metric) =>
      (['none', 'category', 'district'] as const).map((split) => ({
        name: `metric-trend:${metric}:${split}`,
        view: 'trends',
        url: (f: Filters) => `/api/metric-trend?${query(f, { metric, split, grain: grainFor(f) })}`,
        direct: (f: Filters) => fetchMetricTrend(f, { metric, split, grain: grainFor(f) }),
      })),
  );
  return [...overview, ...trends];
}

/**
 * Filters as users set them: a month, a quarter, 90 days or a year ending in the data, and with some probability a
 * district or street, a category (first or second level), a channel, an appeal type or a department.
 */
export function randomFilters(options: FilterOptions, random: () => number): Filters {
  const lastDay = options.span?.lastDay ?? '2025-12-31';
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  const monthsBack = Math.floor(random() * 12);
  const monthStart = addMonths(`${lastDay.slice(0, 7)}-01`, -monthsBack);
  const shape = random();
  const range =
    shape < 0.4
      ? { from: monthStart, to: monthEnd(monthStart) }
      : shape < 0.6
        ? { from: addMonths(monthStart, -2), to: monthEnd(monthStart) }
        : shape < 0.8
          ? { from: addDays(lastDay, -89 - monthsBack * 30), to: addDays(lastDay, -monthsBack * 30) }
          : { from: addMonths(monthStart, -11), to: monthEnd(monthStart) };
  const filters: Filters = { ...range };
  const regions = options.regions.filter((r) => r.level >= 3);
  if (random() < 0.3) filters.region = pick(regions)?.code;
  if (random() < 0.3) filters.category = pick(options.categories.filter((c) => c.tickets > 0))?.code;
  if (random() < 0.2) filters.channel = pick(options.channels)?.code;
  if (random() < 0.1) filters.type = pick([...APPEAL_TYPES]);
  if (random() < 0.1) filters.dept = pick(options.departments.slice(0, 30))?.code;
  return filters;
}
