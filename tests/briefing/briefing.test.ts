import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBriefing } from '../../lib/briefing/fetch-briefing';
import { formatCount, formatDecimal, formatMonth, formatPercent } from '../../lib/briefing/format';
import type { BriefingModel } from '../../lib/briefing/model';
import { shiftMonth } from '../../lib/briefing/month';
import { noDataMessage } from '../../lib/briefing/no-data';
import { briefingText } from '../../lib/briefing/text';
import { type Figure, paragraphText, type Segment } from '../../lib/briefing/text/segments';
import type { DeploymentConfig } from '../../lib/config';
import type { Lang } from '../../lib/i18n/codes';
import { writeBriefing } from '../../scripts/briefing';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { makeTempDir } from '../support/temp-dir';
import { expectedFigures } from './expected-figures';

/**
 * The briefing's generated text on the sample city: every number in it is a figure whose value equals an
 * independent SQL count on `tickets` (tests/briefing/expected-figures.ts) and whose text is that value written the
 * briefing's way; the templates' own words hold no digits; dates are the months the briefing is about. Three
 * months: a mid-year month and a winter one with all the history they need, and the last month of the data, whose
 * next month has a forecast. Then the files of the command: the Word file's headings and sentences, the PDF's pages.
 * One warehouse for all of it: building the sample with analytics takes a minute on the shared machine.
 */
let config: DeploymentConfig;
let cleanup: () => void;

beforeAll(async () => {
  ({ config, cleanup } = await buildSampleWarehouse('briefing', { analytics: ['hotspots', 'forecasts'] }));
}, 900_000);

afterAll(() => cleanup?.());

/** What a figure's text must be, from the independently computed value, by the kind of figure its id names. */
function expectedText(id: string, value: number, lang: Lang): string {
  const kind = id.split(':')[0] as string;
  if (/Rate\.mom$/.test(kind)) return formatDecimal(Math.abs(value) * 100, lang);
  if (/(share|Rate|\.mom|\.yoy|onTime|changeRate)$/.test(kind) || kind === 'repeatRate')
    return formatPercent(Math.abs(value), lang);
  if (/(per10k|score|rise)$/.test(kind)) return formatDecimal(value, lang);
  return formatCount(value, lang);
}

function segmentsOf(model: BriefingModel, lang: Lang): Segment[] {
  return briefingText(model, lang, 'exact').flatMap((s) => s.paragraphs.flat(2));
}

async function okModel(month: string): Promise<BriefingModel> {
  const result = await fetchBriefing(month);
  if (result.kind !== 'ok') throw new Error(`${month}: ${result.kind}`);
  return result.model;
}

describe.each(['2024-11', '2025-07', '2025-12'])('the briefing of %s', (month) => {
  it.each(['zh', 'en'] as const)('writes only figures that equal SQL on tickets (%s)', async (lang) => {
    const model = await okModel(month);
    const expected = await expectedFigures(config, month);
    const segments = segmentsOf(model, lang);
    const figures = segments.filter((s): s is Figure => typeof s !== 'string' && s.kind === 'figure');
    expect(figures.length).toBeGreaterThan(25);
    for (const figure of figures) {
      const truth = expected.get(figure.id);
      expect(truth, `no independent value for figure ${figure.id}`).toBeDefined();
      expect(figure.value, figure.id).toBeCloseTo(truth as number, 9);
      expect(figure.text, figure.id).toBe(expectedText(figure.id, truth as number, lang));
    }
    for (const segment of segments) {
      if (typeof segment === 'string') expect(segment, 'template words hold no digits').not.toMatch(/\d/);
    }
    const allowed = new Set([month, shiftMonth(month, -1), shiftMonth(month, -12), shiftMonth(month, 1)]);
    for (const segment of segments) {
      if (typeof segment !== 'string' && segment.kind === 'date') {
        const m = segment.value.slice(0, 7);
        // The outlook names a forecast month or the day to act by; other text names only the month and its bases.
        expect(allowed.has(m) || m >= model.span.lastDay.slice(0, 7), segment.value).toBe(true);
      }
    }
  });

  it('opens with the sentence of the issue, in words a leader reads', async () => {
    const model = await okModel(month);
    const expected = await expectedFigures(config, month);
    const [overview] = briefingText(model, 'zh', 'exact');
    const first = paragraphText(overview?.paragraphs[0]?.slice(0, 1) ?? [], 'zh');
    const appeals = expected.get('appeals') as number;
    const mom = expected.get('appeals.mom');
    expect(first).toContain(
      `${formatMonth(month, 'zh')}，全市共受理诉求 ${formatCount(appeals, 'zh')} 件，环比`,
    );
    if (mom !== undefined && Math.round(Math.abs(mom) * 1000) > 0)
      expect(first).toContain(`环比${mom > 0 ? '上升' : '下降'} ${formatPercent(Math.abs(mom), 'zh')}`);
    const all = briefingText(model, 'zh', 'exact')
      .flatMap((s) => s.paragraphs.map((p) => paragraphText(p, 'zh')))
      .join('');
    expect(all).not.toMatch(/\+-|-\+|\+−/);
    // Rates change in percentage points, never in percent of a percent.
    expect(all).toMatch(/个百分点/);
  });
});

describe('sections that depend on analytics', () => {
  it('names the planted recurring places and the late department', async () => {
    const model = await okModel('2025-07');
    const addresses = model.repeats.places.map((p) => p.address).join(' ');
    expect(addresses).toContain('大观楼农贸市场');
    expect(model.handling.ranked.at(-1)?.department).toBe('市住房城乡建设局');
  });

  it('gives next month’s forecast only for the last month of data, and says why otherwise', async () => {
    const past = await okModel('2025-07');
    expect(past.outlook).toMatchObject({ status: 'past_month', nextMonth: '2025-08' });
    const last = await okModel('2025-12');
    expect(last.outlook.status).toBe('ready');
    const [outlook] = briefingText(past, 'zh', 'exact').filter((s) => s.id === 'outlook');
    expect(paragraphText(outlook?.paragraphs[0] ?? [], 'zh')).toContain('预测只对数据截止之后的月份计算');
  });
});

describe('a month without data', () => {
  it('answers no_data with the months the warehouse holds', async () => {
    const result = await fetchBriefing('2031-01');
    expect(result.kind).toBe('no_data');
    if (result.kind !== 'no_data') return;
    expect(result.span).toEqual({ firstDay: '2024-01-01', lastDay: '2025-12-31' });
    expect(noDataMessage(result, 'en')).toBe(
      'No data for January 2031 (2031-01); the warehouse holds 2024-01 … 2025-12.',
    );
    expect(noDataMessage(result, 'zh')).toContain('2031年1月（2031-01）没有数据');
  });
});

describe('the files of npm run briefing', () => {
  const out = makeTempDir('briefing-files');
  afterAll(() => out.cleanup());

  it('writes a Word file with the headings and the generated sentences, and a PDF with pages', async () => {
    const written = await writeBriefing({ month: '2025-07', out: out.dir, lang: 'zh', png: true });
    expect(path.basename(written.docx)).toBe('月度分析报告-2025-07.docx');
    // Read back with fflate (the zip library docx itself writes with), not a system unzip a machine may lack.
    const entries = unzipSync(readFileSync(written.docx));
    const xml = strFromU8(entries['word/document.xml'] ?? new Uint8Array());
    const sections = briefingText(await okModel('2025-07'), 'zh', 'exact');
    for (const section of sections) {
      // A real Word heading (Heading 1), so the navigation pane lists the sections.
      const paragraph = xml.split('</w:p>').find((p) => p.includes(`>${section.heading}<`));
      expect(paragraph, section.heading).toMatch(/<w:pStyle w:val="Heading1"\/>/);
      for (const sentences of section.paragraphs) expect(xml).toContain(paragraphText(sentences, 'zh'));
    }
    const media = Object.keys(entries).join('\n');
    // Each chart as SVG with its PNG fallback: volume, rising categories, map.
    expect(media.match(/^word\/media\/.+\.svg$/gm)?.length).toBe(3);
    expect(media.match(/^word\/media\/.+\.png$/gm)?.length).toBe(3);

    const pdf = readFileSync(written.pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The cover with the overview, then a page for each of the five other sections (print CSS breaks before each).
    expect(written.pages).toBe(6);
    // Every page as a picture (pdftoppm at 80 dpi): a drawn page of text and charts; a blank A4 page is about 2 KB.
    expect(written.png).toHaveLength(6);
    for (const file of written.png ?? []) {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length, file).toBeGreaterThan(12_000);
    }
  }, 120_000);

  it('refuses a month without data with the clear message', async () => {
    await expect(writeBriefing({ month: '2031-01', out: out.dir, lang: 'en' })).rejects.toThrow(
      'No data for January 2031 (2031-01); the warehouse holds 2024-01 … 2025-12.',
    );
  });
});
