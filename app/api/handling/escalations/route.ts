import { fetchEscalations } from '@/lib/queries/handling-escalations';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/** Tickets dispatched three or more times or escalated (EscalationSummary): ticket ids, no text. */
export const GET = dashboardRoute(
  { reveals: 'tickets', honours: ['region', 'dept'], audit: 'view' },
  {},
  async ({ filters }) => ({ json: await fetchEscalations(filters) }),
);
