import type { ReactNode } from 'react';
import { WarehouseMissingError } from '@/lib/db/read-only-warehouse';
import { fetchFilterOptions } from '@/lib/queries/filter-options';
import '../ui/briefing/briefing.css';
import { requireViewer } from '../_auth/current-viewer';
import { dashboardValue } from '../_auth/dashboard-value';
import { DashboardProvider } from '../ui/filters/dashboard-context';
import { AppHeader } from '../ui/frame/app-header';
import { MissingWarehouse } from '../ui/frame/missing-warehouse';

export const dynamic = 'force-dynamic';

/**
 * The monthly briefing sits outside the (dashboard) group: it is a document about one whole month for the whole
 * city, so it has the title bar (views, language) but not the filter bar; its own toolbar picks the month. In
 * print only the document shows (app/ui/briefing/briefing.css).
 */
export default async function BriefingLayout({ children }: { children: ReactNode }) {
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
      <main className="briefing-view">{children}</main>
    </DashboardProvider>
  );
}
