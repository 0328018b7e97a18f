import { z } from 'zod';
import { attachmentDisposition } from '@/lib/export/content-disposition';
import { fetchProactiveCalendar } from '@/lib/queries/forecast-calendar';
import { CALENDAR_EXPORT_FORMATS, calendarFile } from '@/lib/queries/forecast-calendar-export';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * The proactive calendar (未诉先办): expected rises in the next `months` months (1–3) for the filtered district
 * and category (or all). JSON rows (ProactiveCalendarRow[]) by default; format=csv|xlsx returns a file with
 * headers in `lang`.
 */
export const GET = dashboardRoute(
  { reveals: 'aggregates', honours: ['region'] },

  {
    months: z.coerce.number().int().min(1).max(3).default(3),
    format: z.enum(['json', ...CALENDAR_EXPORT_FORMATS]).default('json'),
    lang: z.enum(['zh', 'en']).default('zh'),
  },
  async ({ filters, view }) => {
    const rows = await fetchProactiveCalendar({
      months: view.months,
      region: filters.region ?? null,
      category: filters.category ?? null,
    });
    if (view.format === 'json') return { json: rows };
    const file = await calendarFile(rows, view.format, view.lang);
    return {
      response: new Response(file.body, {
        headers: {
          'content-type': file.contentType,
          'content-disposition': attachmentDisposition(file.fileName, file.asciiFileName),
          'cache-control': 'no-store',
          'x-row-count': String(rows.length),
        },
      }),
    };
  },
);
