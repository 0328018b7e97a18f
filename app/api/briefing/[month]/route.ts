import { SIGN_IN_REQUIRED } from '@/lib/auth/access';
import { recordAudit } from '@/lib/auth/audit';
import { pageRefusal } from '@/lib/auth/page-access';
import { exportLimiter } from '@/lib/auth/rate-limit';
import { cookieValue, SESSION_COOKIE, viewerFromRequest } from '@/lib/auth/session';
import { loadAuthSettings } from '@/lib/auth/settings';
import { printPdf, withChromium } from '@/lib/briefing/chromium';
import { fetchBriefing } from '@/lib/briefing/fetch-briefing';
import { briefingFileName, briefingWordFile, generatedAtText } from '@/lib/briefing/files';
import { isBriefingMonth } from '@/lib/briefing/month';
import { noDataMessage } from '@/lib/briefing/no-data';
import { smallCountsFor } from '@/lib/briefing/small-counts';
import { loadConfig } from '@/lib/config';
import { WarehouseMissingError } from '@/lib/db/read-only-warehouse';
import { attachmentDisposition } from '@/lib/export/content-disposition';
import type { Lang } from '@/lib/i18n/codes';

export const dynamic = 'force-dynamic';

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const problem = (status: number, error: string) => Response.json({ error }, { status });

/**
 * GET /api/briefing/<YYYY-MM>?format=pdf|docx&lang=zh|en: the month's briefing as a file. The PDF is Chromium's
 * print of the /briefing page itself (same origin as this request), so it is exactly what the page shows; the Word
 * file is built from the same model (lib/briefing/docx.ts). Both write ticket counts for the viewer: the page reads
 * the session the PDF is printed with, the Word file is told (small counts read "<3" for readers without ticket
 * access, lib/briefing/small-counts.ts). 400 for a malformed month or parameter, 404 with the
 * months there are for a month without data, 503 without a warehouse.
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ month: string }> },
): Promise<Response> {
  const viewer = await viewerFromRequest(request);
  if (!viewer) return problem(401, SIGN_IN_REQUIRED);
  const refusal = pageRefusal(viewer, '/briefing');
  if (refusal) return problem(403, refusal);
  const wait = exportLimiter.take(viewer.username);
  if (wait !== null) return problem(429, `too many exports: try again in ${wait} s (导出过于频繁)`);
  const { month } = await context.params;
  const url = new URL(request.url);
  const format = url.searchParams.get('format') ?? 'pdf';
  const lang = url.searchParams.get('lang') ?? 'zh';
  const unknown = [...url.searchParams.keys()].filter((k) => k !== 'format' && k !== 'lang');
  if (unknown.length > 0) return problem(400, `unknown parameter ${unknown.map((k) => `"${k}"`).join(', ')}`);
  if (!isBriefingMonth(month)) return problem(400, `"month": a month as YYYY-MM, not "${month}"`);
  if (format !== 'pdf' && format !== 'docx') return problem(400, '"format": pdf or docx');
  if (lang !== 'zh' && lang !== 'en') return problem(400, '"lang": zh or en');
  try {
    const result = await fetchBriefing(month);
    if (result.kind === 'no_data') return problem(404, noDataMessage(result, lang as Lang));
    const file =
      format === 'pdf'
        ? await withChromium((browser) =>
            printPdf(browser, {
              url: `${url.origin}/briefing/${month}?lang=${lang}`,
              session: {
                name: SESSION_COOKIE,
                value: cookieValue(request.headers.get('cookie'), SESSION_COOKIE) ?? '',
              },
            }),
          )
        : await withChromium((browser) =>
            briefingWordFile(
              browser,
              result.model,
              lang as Lang,
              smallCountsFor(viewer),
              generatedAtText(loadConfig().timeZone),
            ),
          );
    const name = briefingFileName(month, lang as Lang, format);
    await recordAudit(loadAuthSettings().auditPath, viewer, 'briefing.exported', url.pathname, {
      query: url.searchParams.toString(),
      status: 200,
    });
    return new Response(new Uint8Array(file), {
      headers: {
        'content-type': TYPES[format],
        'content-disposition': attachmentDisposition(name, `briefing-${month}.${format}`),
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof WarehouseMissingError) return problem(503, error.message);
    console.error(error);
    return problem(500, 'internal error: the server log has the details');
  }
}
