import type { ReactNode } from 'react';
import { WarehouseMissingError } from '@/lib/db/read-only-warehouse';
import { fetchFilterOptions } from '@/lib/queries/filter-options';
import { requireViewer } from '../_auth/current-viewer';
import { dashboardValue } from '../_auth/dashboard-value';
import { DashboardProvider } from '../ui/filters/dashboard-context';
import { FilterBar } from '../ui/filters/filter-bar';
import { AppHeader } from '../ui/frame/app-header';
import { MissingWarehouse } from '../ui/frame/missing-warehouse';

export const dynamic = 'force-dynamic';

/**
 * Every dashboard view: the header, the global filter bar, and the view below them. Nobody gets here without a
 * session (each page also checks its own access: a layout is not re-run on client-side navigation).
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  let options: Awaited<ReturnType<typeof fetchFilterOptions>>;
  try {
    options = await fetchFilterOptions();
  } catch (error) {
    if (error instanceof WarehouseMissingError) return <MissingWarehouse />;
    throw error;
  }
  return (
    <DashboardProvider value={dashboardValue(options, viewer)}>
      <AppHeader />
      <FilterBar />
      <main className="view">{children}</main>
    </DashboardProvider>
  );
}
