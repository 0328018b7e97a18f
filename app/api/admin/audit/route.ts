import { z } from 'zod';
import { AccessError, checkRole, SIGN_IN_REQUIRED } from '@/lib/auth/access';
import { readAudit, recordAudit } from '@/lib/auth/audit';
import { auditCsv } from '@/lib/auth/audit-csv';
import { exportLimiter } from '@/lib/auth/rate-limit';
import { viewerFromRequest } from '@/lib/auth/session';
import { loadAuthSettings } from '@/lib/auth/settings';
import { attachmentDisposition } from '@/lib/export/content-disposition';
import { errorResponse } from '../../_lib/route';

export const dynamic = 'force-dynamic';

const querySchema = z
  .object({
    format: z.enum(['json', 'csv']).default('json'),
    user: z.string().max(64).optional(),
    action: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .strict();

/**
 * GET /api/admin/audit?format=json|csv&user=&action=&limit=: the audit trail for administrators, newest first.
 * Exporting it is itself recorded.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const viewer = await viewerFromRequest(request);
    if (!viewer) throw new AccessError(401, SIGN_IN_REQUIRED);
    checkRole(viewer, { reveals: 'admin', honours: ['region', 'dept'] });
    const url = new URL(request.url);
    const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success)
      return Response.json(
        { error: `invalid parameters: ${parsed.error.issues[0]?.message}` },
        { status: 400 },
      );
    const { format, ...query } = parsed.data;
    const settings = loadAuthSettings();
    const events = await readAudit(settings.auditPath, query);
    if (format === 'json') return Response.json(events, { headers: { 'cache-control': 'no-store' } });
    const wait = exportLimiter.take(viewer.username);
    if (wait !== null)
      return Response.json({ error: `too many exports: try again in ${wait} s` }, { status: 429 });
    await recordAudit(settings.auditPath, viewer, 'audit.exported', url.pathname, {
      query: url.searchParams.toString(),
      status: 200,
    });
    return new Response(auditCsv(events), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition('审计记录.csv', 'audit-trail.csv'),
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
