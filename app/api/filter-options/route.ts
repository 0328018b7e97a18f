import { fetchFilterOptions } from '@/lib/queries/filter-options';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

export const GET = dashboardRoute({}, async () => ({ json: await fetchFilterOptions() }));
