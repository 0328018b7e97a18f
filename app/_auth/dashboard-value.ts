import { allowedPages } from '@/lib/auth/page-access';
import type { Viewer } from '@/lib/auth/roles';
import { scopeFilterOptions } from '@/lib/auth/scope-options';
import { defaultRange } from '@/lib/queries/data-span';
import type { FilterOptions } from '@/lib/queries/filter-options';
import type { DashboardContextValue } from '../ui/filters/dashboard-context';

/** What the layouts give every view: its opening range, the choices within the viewer's scope, the pages allowed. */
export function dashboardValue(options: FilterOptions, viewer: Viewer): DashboardContextValue {
  return {
    defaults: defaultRange(options.span),
    options: scopeFilterOptions(options, viewer),
    viewer,
    pages: allowedPages(viewer),
  };
}
