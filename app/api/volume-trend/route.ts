import { z } from 'zod';
import { fetchVolumeTrend } from '@/lib/queries/volume-trend';
import { TIME_GRAINS } from '@/lib/sql/time-grain';
import { dashboardRoute } from '../_lib/route';

export const dynamic = 'force-dynamic';

export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region', 'dept'] },

  { grain: z.enum(TIME_GRAINS).default('day') },
  async ({ filters, view }) => ({
    json: await fetchVolumeTrend(filters, view.grain),
    smallCounts: ['tickets', 'lastYear'],
  }),
);
