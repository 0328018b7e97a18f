import type { FilterOptions } from '../queries/filter-options';
import { regionWithin } from './region-scope';
import type { Viewer } from './roles';

/**
 * The filter bar's choices as one viewer may use them: an office sees its own region and what lies under it, a
 * department only itself. (Choosing anything else would be refused by the API anyway; this keeps it off screen.)
 */
export function scopeFilterOptions(options: FilterOptions, viewer: Viewer): FilterOptions {
  const { region, department } = viewer;
  return {
    ...options,
    regions: region ? options.regions.filter((r) => regionWithin(r.code, region)) : options.regions,
    departments: department ? options.departments.filter((d) => d.code === department) : options.departments,
  };
}
