import { fetchOverviewKpis } from '@/lib/queries/overview-kpis';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

export const GET = dashboardRoute({}, async ({ filters }) => ({ json: await fetchOverviewKpis(filters) }));
