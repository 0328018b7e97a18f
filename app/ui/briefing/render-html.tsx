import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { briefingCharts } from '@/lib/briefing/charts';
import type { BriefingModel } from '@/lib/briefing/model';
import type { SmallCounts } from '@/lib/briefing/small-counts';
import { briefingText } from '@/lib/briefing/text';
import type { Lang } from '@/lib/i18n/codes';
import { BriefingDocument } from './briefing-document';

/**
 * The briefing as one self-contained HTML file (styles inlined, charts as inline SVG, nothing fetched), for the
 * `npm run briefing` command to print with Chromium without a running dashboard. It renders the same component as
 * the /briefing page with the same stylesheet, so both PDFs are the same document. Not imported by any Next route:
 * react-dom/server is not allowed in the App Router's server bundle. Ticket counts are written for the reader
 * (`counts`), as on the page.
 */
export function briefingHtml(
  model: BriefingModel,
  lang: Lang,
  counts: SmallCounts,
  generatedAt: string,
): string {
  const css = readFileSync(new URL('./briefing.css', import.meta.url), 'utf8');
  const body = renderToStaticMarkup(
    <BriefingDocument
      model={model}
      sections={briefingText(model, lang, counts)}
      charts={briefingCharts(model, lang, counts)}
      lang={lang}
      counts={counts}
      generatedAt={generatedAt}
    />,
  );
  return `<!doctype html><html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${
    lang === 'en' ? 'Monthly hotline briefing' : '热线诉求月度分析报告'
  } ${model.month}</title><style>${css}</style></head><body>${body}</body></html>`;
}
