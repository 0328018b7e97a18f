'use client';

import { createContext, type ReactNode, useContext } from 'react';
import type { DateRange } from '@/lib/filters/periods';
import type { FilterOptions } from '@/lib/queries/filter-options';

/** What every view knows from the server: the range it opens on and the filter bar's choices. */
export interface DashboardContextValue {
  defaults: DateRange;
  options: FilterOptions;
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
