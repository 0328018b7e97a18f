import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Lang } from '../i18n/codes';
import { KPI_IDS, KPIS } from '../sql/kpis';
import type { BriefingChart } from './charts';
import {
  formatCount,
  formatDay,
  formatDecimal,
  formatMonth,
  formatPercent,
  kpiChangeText,
  kpiValueText,
  ticketCountText,
} from './format';
import { BRIEFING_LIMITS, type BriefingModel } from './model';
import { isWithheld, type SmallCounts } from './small-counts';
import { paragraphText, type SectionText } from './text/segments';

/** The printable width of an A4 page with 2.5 cm margins, in the 96-dpi pixels docx sizes images in. */
const TEXT_WIDTH_PX = 600;

const words = (lang: Lang) =>
  lang === 'en'
    ? {
        title: 'Monthly hotline briefing',
        data: 'Data',
        generated: 'Generated',
        kpi: ['Indicator', 'This month', 'On the month before', 'On last year'],
        districts: ['District', 'Appeals', 'Population', 'Per 10,000 residents'],
        departments: ['Rank', 'Department', 'Appeals', 'Score', 'On time'],
        analyst: "Analyst's notes: (add your own text here)",
      }
    : {
        title: '热线诉求月度分析报告',
        data: '数据范围',
        generated: '生成时间',
        kpi: ['指标', '本月', '环比', '同比'],
        districts: ['区县', '件数', '常住人口', '每万人诉求'],
        departments: ['排名', '承办部门', '件数', '综合得分', '按期办结率'],
        analyst: '分析员补充意见：（在此添加）',
      };

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold: boolean) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: { style: BorderStyle.SINGLE, size: 8, color: '0f172a' },
      bottom: { style: BorderStyle.SINGLE, size: 8, color: '0f172a' },
      left: { style: BorderStyle.NONE, size: 0, color: 'ffffff' },
      right: { style: BorderStyle.NONE, size: 0, color: 'ffffff' },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: 'cbd5e1' },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: 'ffffff' },
    },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

function image(chart: BriefingChart, png: Buffer | undefined): Paragraph[] {
  const width = Math.min(TEXT_WIDTH_PX, chart.width);
  const height = Math.round((chart.height * width) / chart.width);
  // Word 2016+ shows the SVG (sharp at any zoom); older Word and other readers show the PNG fallback.
  const run = png
    ? new ImageRun({
        type: 'svg',
        data: Buffer.from(chart.svg, 'utf8'),
        fallback: { type: 'png', data: png },
        transformation: { width, height },
        altText: { name: chart.id, title: chart.title, description: chart.title },
      })
    : null;
  if (!run) return [];
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: chart.title, size: 18, color: '475569' })],
    }),
  ];
}

/** The tables of a section, ticket counts written for the reader (`counts`) as on the page. */
function sectionTables(
  model: BriefingModel,
  id: SectionText['id'],
  lang: Lang,
  counts: SmallCounts,
): Table[] {
  const w = words(lang);
  if (id === 'overview') {
    const { current, previous, lastYear } = model.overview.kpis;
    return [
      table(
        w.kpi,
        KPI_IDS.map((k) => [
          KPIS[k].name[lang],
          kpiValueText(k, current[k], lang, counts),
          kpiChangeText(k, current[k], previous[k], lang, counts),
          kpiChangeText(k, current[k], lastYear[k], lang, counts),
        ]),
      ),
    ];
  }
  if (id === 'districts')
    return [
      table(
        w.districts,
        model.districts.ranked.map((d) => [
          d.name ?? d.code ?? '',
          ticketCountText(d.tickets, lang, counts),
          d.population === null ? '—' : formatCount(d.population, lang),
          d.per10k === null || isWithheld(d.tickets, counts) ? '—' : formatDecimal(d.per10k, lang),
        ]),
      ),
    ];
  if (id === 'handling' && model.handling.ranked.length >= 2) {
    const ranked = model.handling.ranked;
    const shown = Math.min(BRIEFING_LIMITS.departments, Math.floor(ranked.length / 2));
    return [
      table(
        w.departments,
        [...ranked.slice(0, shown), ...ranked.slice(-shown)].map((r) => [
          String(r.rank ?? ''),
          r.department,
          ticketCountText(r.current.tickets, lang, counts),
          formatDecimal(r.current.score, lang),
          r.current.onTimeRate === null ? '—' : formatPercent(r.current.onTimeRate, lang),
        ]),
      ),
    ];
  }
  return [];
}

/** Which chart goes with which section. */
const SECTION_CHARTS: Partial<Record<SectionText['id'], BriefingChart['id'][]>> = {
  overview: ['volume'],
  categories: ['rising'],
  districts: ['map'],
};

/**
 * The briefing as a Word file: real headings (Heading 1/2, so Word's navigation pane lists the sections), the
 * generated text as ordinary editable paragraphs, an empty "analyst's notes" paragraph after each section, the
 * tables, and the charts as SVG with PNG fallbacks (`pngs` by chart id, from chartsToPng). `sections` and `charts`
 * must have been made for the same reader as `counts` (lib/briefing/small-counts.ts).
 */
export async function briefingDocx(options: {
  model: BriefingModel;
  sections: SectionText[];
  charts: BriefingChart[];
  pngs: Map<string, Buffer>;
  lang: Lang;
  counts: SmallCounts;
  generatedAt: string;
}): Promise<Buffer> {
  const { model, sections, charts, pngs, lang, counts } = options;
  const w = words(lang);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, text: w.title }),
    new Paragraph({ alignment: AlignmentType.CENTER, text: formatMonth(model.month, lang) }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          text: `${w.data}: ${formatDay(model.span.firstDay, lang)} – ${formatDay(model.span.lastDay, lang)} · ${w.generated}: ${options.generatedAt}`,
          size: 16,
          color: '475569',
        }),
      ],
    }),
  ];
  for (const section of sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.heading }));
    for (const paragraph of section.paragraphs)
      children.push(
        new Paragraph({
          indent: lang === 'zh' ? { firstLine: 420 } : undefined,
          spacing: { after: 120, line: 360 },
          children: [new TextRun(paragraphText(paragraph, lang))],
        }),
      );
    for (const id of SECTION_CHARTS[section.id] ?? []) {
      const chart = charts.find((c) => c.id === id);
      if (chart) children.push(...image(chart, pngs.get(id)));
    }
    children.push(...sectionTables(model, section.id, lang, counts));
    children.push(
      new Paragraph({ children: [new TextRun({ text: w.analyst, italics: true, color: '94a3b8' })] }),
    );
  }
  const doc = new Document({
    creator: 'Hotline Atlas',
    title: `${w.title} ${model.month}`,
    styles: {
      default: {
        document: { run: { font: { ascii: 'Times New Roman', eastAsia: 'SimSun' }, size: 21 } },
        heading1: { run: { font: { eastAsia: 'SimHei' }, size: 28, bold: true, color: '0f172a' } },
        title: { run: { font: { eastAsia: 'SimHei' }, size: 40, bold: true, color: 'b91c1c' } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
