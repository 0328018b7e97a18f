import type { ReactNode } from 'react';
import type { BriefingChart } from '@/lib/briefing/charts';
import { formatDay, formatMonth } from '@/lib/briefing/format';
import type { BriefingModel, BriefingNoData } from '@/lib/briefing/model';
import { noDataMessage } from '@/lib/briefing/no-data';
import type { SmallCounts } from '@/lib/briefing/small-counts';
import type { BriefingSectionId, SectionText } from '@/lib/briefing/text/segments';
import type { Lang } from '@/lib/i18n/codes';
import { label } from './briefing-labels';
import {
  DepartmentTable,
  DistrictTable,
  KpiTable,
  OutlookTable,
  PlaceTable,
  RisingTable,
} from './briefing-tables';
import { GeneratedParagraph } from './briefing-text';

/**
 * The printable briefing: an A4 document of six sections, each opening with its generated sentences, then its
 * chart (server-rendered SVG, inlined) and tables. It uses no hooks and nothing from next/*, so the same component is
 * rendered by the /briefing page and, to static HTML, by the `npm run briefing` command (app/ui/briefing/render-html).
 * `sections` and `charts` must have been made for the same reader as `counts` (lib/briefing/small-counts.ts).
 */
export function BriefingDocument(props: {
  model: BriefingModel;
  sections: SectionText[];
  charts: BriefingChart[];
  lang: Lang;
  counts: SmallCounts;
  generatedAt: string;
}) {
  const { model, sections, charts, lang, counts } = props;
  const chart = (id: BriefingChart['id']) => {
    const c = charts.find((x) => x.id === id);
    if (!c) return null;
    return (
      <figure className="briefing-chart" data-chart={id}>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: SVG rendered on the server by ECharts or lib/briefing/map-svg from numbers and escaped names, never from user input. */}
        <div dangerouslySetInnerHTML={{ __html: c.svg }} />
        <figcaption>{c.title}</figcaption>
      </figure>
    );
  };
  const extras: Record<BriefingSectionId, ReactNode> = {
    overview: (
      <>
        <KpiTable model={model} lang={lang} counts={counts} />
        {chart('volume')}
      </>
    ),
    categories: (
      <>
        {chart('rising')}
        <RisingTable model={model} lang={lang} counts={counts} />
      </>
    ),
    districts: (
      <>
        {chart('map')}
        <DistrictTable model={model} lang={lang} counts={counts} />
      </>
    ),
    handling: <DepartmentTable model={model} lang={lang} counts={counts} />,
    repeats: <PlaceTable model={model} lang={lang} counts={counts} />,
    outlook: <OutlookTable model={model} lang={lang} />,
  };
  return (
    <article className="briefing-document" lang={lang === 'en' ? 'en' : 'zh-CN'} data-month={model.month}>
      <header className="briefing-cover">
        <h1>{label('title', lang)}</h1>
        <p className="briefing-month">{formatMonth(model.month, lang)}</p>
        <p className="briefing-meta">
          {label('dataSpan', lang)}: {formatDay(model.span.firstDay, lang)} –{' '}
          {formatDay(model.span.lastDay, lang)} · {label('generated', lang)}: {props.generatedAt}
        </p>
      </header>
      {sections.map((section) => (
        <section key={section.id} className="briefing-section" data-section={section.id}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((paragraph, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are fixed once generated.
            <GeneratedParagraph key={i} sentences={paragraph} lang={lang} />
          ))}
          {extras[section.id]}
        </section>
      ))}
      <footer className="briefing-notes">{label('notes', lang)}</footer>
    </article>
  );
}

/** What the page says for a month without data: the month asked for and the months there are (lib/briefing/no-data). */
export function BriefingNoDataNotice({ noData, lang }: { noData: BriefingNoData; lang: Lang }) {
  return (
    <article className="briefing-document briefing-no-data" data-testid="briefing-no-data">
      <h1>{label('noData', lang)}</h1>
      <p>{noDataMessage(noData, lang)}</p>
    </article>
  );
}
