import { notFound } from 'next/navigation';
import { pageViewer } from '@/app/_auth/current-viewer';
import { briefingCharts } from '@/lib/briefing/charts';
import { fetchBriefing } from '@/lib/briefing/fetch-briefing';
import { generatedAtText } from '@/lib/briefing/files';
import { isBriefingMonth, monthsWithData } from '@/lib/briefing/month';
import { smallCountsFor } from '@/lib/briefing/small-counts';
import { briefingText } from '@/lib/briefing/text';
import { loadConfig } from '@/lib/config';
import { fetchDataSpan } from '@/lib/queries/data-span';
import { BriefingDocument, BriefingNoDataNotice } from '../../ui/briefing/briefing-document';
import { BriefingToolbar } from '../../ui/briefing/briefing-toolbar';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { briefingLang } from '../lang';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  // The browser's title is also the PDF's title when a reader prints the page from the browser.
  return { title: `月度分析报告 ${month} · Hotline Atlas` };
}

/**
 * 月报: the printable briefing of one month, rendered on the server with its charts as inline SVG. Ticket counts of
 * one and two read "<3" for readers without ticket access; the PDF is this page printed with the reader's session.
 */
export default async function BriefingPage({
  params,
  searchParams,
}: {
  params: Promise<{ month: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { viewer, refusal } = await pageViewer('/briefing');
  if (refusal) return <NotAllowed reason={refusal} />;
  const counts = smallCountsFor(viewer);
  const { month } = await params;
  if (!isBriefingMonth(month)) notFound();
  const lang = await briefingLang((await searchParams).lang);
  const [result, span] = await Promise.all([fetchBriefing(month), fetchDataSpan()]);
  return (
    <>
      <BriefingToolbar
        month={month}
        months={monthsWithData(span)}
        lang={lang}
        downloads={result.kind === 'ok'}
      />
      {result.kind === 'ok' ? (
        <BriefingDocument
          model={result.model}
          sections={briefingText(result.model, lang, counts)}
          charts={briefingCharts(result.model, lang, counts)}
          lang={lang}
          counts={counts}
          generatedAt={generatedAtText(loadConfig().timeZone)}
        />
      ) : (
        <BriefingNoDataNotice noData={result} lang={lang} />
      )}
    </>
  );
}
