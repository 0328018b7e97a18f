import { attachmentDisposition } from '@/lib/export/content-disposition';
import { exportTickets, TICKET_EXPORT_VIEW } from '@/lib/queries/ticket-export';
import { dashboardRoute } from '../../_lib/route';

export const dynamic = 'force-dynamic';

/**
 * The ticket list as a file: format=csv|xlsx, lang=zh|en, with the list's filters, flag, sort and order. The file
 * holds at most EXPORT_ROW_CAP rows; x-truncated: true says the selection had more (x-total-count says how many).
 */
export const GET = dashboardRoute(
  { reveals: 'tickets', honours: ['region', 'dept'], audit: 'export' },
  TICKET_EXPORT_VIEW,
  async ({ filters, view }) => {
    const { format, lang, ...selection } = view;
    const file = await exportTickets(filters, selection, format, lang);
    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'content-disposition': attachmentDisposition(file.fileName, file.asciiFileName),
      'cache-control': 'no-store',
      'x-total-count': String(file.total),
      'x-row-count': String(file.rows),
    };
    if (file.truncated) headers['x-truncated'] = 'true';
    return { response: new Response(file.body, { headers }) };
  },
);
