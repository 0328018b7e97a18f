import type { ReactNode } from 'react';
import { WarehouseMissingError } from '@/lib/db/read-only-warehouse';
import { defaultRange } from '@/lib/queries/data-span';
import { fetchFilterOptions } from '@/lib/queries/filter-options';
import { DashboardProvider } from '../ui/filters/dashboard-context';
import { FilterBar } from '../ui/filters/filter-bar';
import { AppHeader } from '../ui/frame/app-header';
import { MissingWarehouse } from '../ui/frame/missing-warehouse';

export const dynamic = 'force-dynamic';

/** Every dashboard view: the header, the global filter bar, and the view below them. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  let options: Awaited<ReturnType<typeof fetchFilterOptions>>;
  try {
    options = await fetchFilterOptions();
  } catch (error) {
    if (error instanceof WarehouseMissingError) return <MissingWarehouse />;
    throw error;
  }
  return (
    <DashboardProvider value={{ defaults: defaultRange(options.span), options }}>
      <AppHeader />
      <FilterBar />
      <main className="view">{children}</main>
    </DashboardProvider>
  );
}
