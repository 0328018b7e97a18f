import type { Filters } from '../filters/filters';
import { regionWithin } from './region-scope';
import { canAdminister, canReadTickets, type Viewer } from './roles';

/**
 * What one API route reveals, declared beside it (app/api/…/route.ts), so the wrapper can enforce the viewer's
 * role and scope before the handler runs:
 *
 *   reveals   'aggregates' (counts, rates, shapes), 'tickets' (ticket rows or their text) or 'admin'
 *   honours   the scope dimensions the route's data are cut by through the Filters. A viewer scoped on a dimension
 *             the route does not honour (a department asking for the city-wide forecasts) is refused, since the
 *             answer would not be limited to their part.
 *   audit     'view' (a ticket list was seen) or 'export' (a file left the server): recorded in the audit trail.
 */
export interface RouteAccess {
  reveals: 'aggregates' | 'tickets' | 'admin';
  honours: readonly ('region' | 'dept')[];
  audit?: 'view' | 'export';
}

/** 401: nobody is signed in. 403: the viewer may not see this. Both carry a message for the reader. */
export class AccessError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

export const SIGN_IN_REQUIRED = 'sign in first (登录后才能查看)';

/** Refuses what the role may never see, whatever the filters. */
export function checkRole(viewer: Viewer, access: Pick<RouteAccess, 'reveals' | 'honours'>): void {
  if (access.reveals === 'admin' && !canAdminister(viewer))
    throw new AccessError(403, 'only administrators may use this (仅管理员可用)');
  if (access.reveals === 'tickets' && !canReadTickets(viewer))
    throw new AccessError(
      403,
      'your role sees aggregates only, not tickets or their text (本角色只能查看汇总数据)',
    );
  if (viewer.region && !access.honours.includes('region'))
    throw new AccessError(
      403,
      'this view is city-wide and cannot be limited to your region (本视图不能按辖区限定)',
    );
  if (viewer.department && !access.honours.includes('dept'))
    throw new AccessError(403, 'this view is not limited to one department (本视图不能按部门限定)');
}

/**
 * The filters narrowed to the viewer's scope: a missing region or department becomes theirs; one inside their
 * region stays; anything wider or elsewhere is refused with 403 rather than silently replaced, so a shared link
 * that asks for another district says so instead of showing the wrong numbers.
 */
export function scopeFilters(filters: Filters, viewer: Viewer): Filters {
  const scoped = { ...filters };
  if (viewer.region) {
    if (!scoped.region) scoped.region = viewer.region;
    else if (!regionWithin(scoped.region, viewer.region))
      throw new AccessError(
        403,
        `region ${scoped.region} is outside your region ${viewer.region} (超出本辖区)`,
      );
  }
  if (viewer.department) {
    if (!scoped.dept) scoped.dept = viewer.department;
    else if (scoped.dept !== viewer.department)
      throw new AccessError(403, `department "${scoped.dept}" is not yours (不是本部门)`);
  }
  return scoped;
}
