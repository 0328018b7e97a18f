import { allowedPages } from '@/lib/auth/page-access';
import type { Viewer } from '@/lib/auth/roles';
import { scopeFilterOptions } from '@/lib/auth/scope-options';
import { defaultRange } from '@/lib/queries/data-span';
import type { FilterOptions } from '@/lib/queries/filter-options';
import type { DashboardContextValue, RegionChoice } from '../ui/filters/dashboard-context';

/** What the layouts give every view: its opening range, the choices within the viewer's scope, the pages allowed. */
export function dashboardValue(options: FilterOptions, viewer: Viewer): DashboardContextValue {
  return {
    defaults: defaultRange(options.span),
    options: scopeFilterOptions(options, viewer),
    viewer,
    viewerRegion: viewerRegion(options, viewer),
    pages: allowedPages(viewer),
  };
}

/** An office's own region as a filter choice; one without appeals yet is named by its code, its level by its form. */
function viewerRegion(options: FilterOptions, viewer: Viewer): RegionChoice | null {
  if (!viewer.region) return null;
  const known = options.regions.find((r) => r.code === viewer.region);
  if (known) return known;
  const level = viewer.region.length > 6 ? 4 : viewer.region.endsWith('00') ? 2 : 3;
  return { code: viewer.region, name: viewer.region, level, tickets: 0 };
}
