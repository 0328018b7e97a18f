'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useRef } from 'react';
import type { Filters } from '@/lib/filters/filters';
import { useDashboard } from './dashboard-context';

/** The URL parameters that are global filters; every other parameter belongs to one view (grain, page …). */
export const FILTER_KEYS = [
  'from',
  'to',
  'region',
  'category',
  'channel',
  'type',
  'dept',
  'cell',
  'q',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** A change to the URL: a value sets a parameter, null removes it. */
export type UrlPatch = Partial<Record<string, string | null>>;

/**
 * The global filters as the URL holds them (missing dates are the view's default range), and a setter that
 * rewrites the URL with `replace`, so every view can be bookmarked and shared and Back leaves the dashboard.
 * Values are passed to the API as written; the API validates them and answers mistakes with a message.
 */
export function useDashboardFilters(): {
  filters: Filters;
  /** Changes filters (and view parameters); a filter change returns the ticket list to its first page. */
  update: (patch: UrlPatch) => void;
  /** The current URL parameters that are filters, for links to other views. */
  filterQuery: string;
  searchParams: URLSearchParams;
} {
  const { defaults } = useDashboard();
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const filters = useMemo(() => {
    const out: Record<string, string> = { from: defaults.from, to: defaults.to };
    for (const key of FILTER_KEYS) {
      const value = searchParams.get(key);
      if (value) out[key] = value;
    }
    return out as unknown as Filters;
  }, [searchParams, defaults]);

  const filterQuery = useMemo(() => {
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = searchParams.get(key);
      // A map cell narrows only the ticket list and the map (rollups have no cells): links to views drop it.
      // So does a text search (q, from the hot words): the rollups hold no text.
      if (value && key !== 'cell' && key !== 'q') params.set(key, value);
    }
    return params.toString();
  }, [searchParams]);

  // Two changes in quick succession (a toggle, then a slider step) must not lose the first: until the URL has
  // re-rendered, the second builds on the query the first asked for, not on the one this render saw.
  const pending = useRef<{ seen: string; asked: string } | null>(null);

  const update = useCallback(
    (patch: UrlPatch) => {
      const seen = searchParams.toString();
      const params = new URLSearchParams(pending.current?.seen === seen ? pending.current.asked : seen);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === '') params.delete(key);
        else params.set(key, value);
      }
      if (Object.keys(patch).some((k) => (FILTER_KEYS as readonly string[]).includes(k)))
        params.delete('page');
      const query = params.toString();
      pending.current = { seen, asked: query };
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [searchParams, router, pathname],
  );

  return { filters, update, filterQuery, searchParams: new URLSearchParams(searchParams.toString()) };
}

/** A view parameter from the URL (granularity, split …) with its default when absent or not allowed. */
export function useViewParam<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  const value = useSearchParams().get(key);
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
