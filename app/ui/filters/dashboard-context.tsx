'use client';

import { createContext, type ReactNode, useContext } from 'react';
import type { PagePath } from '@/lib/auth/page-access';
import type { Viewer } from '@/lib/auth/roles';
import type { DateRange } from '@/lib/filters/periods';
import type { FilterChoice, FilterOptions } from '@/lib/queries/filter-options';

/** A region as the filter bar offers it: a city (level 2), district (3) or street/town (4). */
export type RegionChoice = FilterChoice & { level: number };

/**
 * What every view knows from the server: the range it opens on, the filter bar's choices (already limited to the
 * viewer's scope), who is signed in and which pages they may open (the server enforces both; this only shapes the UI).
 */
export interface DashboardContextValue {
  defaults: DateRange;
  options: FilterOptions;
  viewer: Viewer;
  /**
   * The region an office account is limited to, with its name and level (the filter bar opens on it instead of
   * "all regions"); null for readers who see the whole city.
   */
  viewerRegion: RegionChoice | null;
  pages: PagePath[];
}

const DashboardContext = createContext<DashboardContextValue | null>(null);

export function DashboardProvider({
  value,
  children,
}: {
  value: DashboardContextValue;
  children: ReactNode;
}) {
  return <DashboardContext.Provider value={value}>{children}</DashboardContext.Provider>;
}

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboard outside DashboardProvider');
  return value;
}
