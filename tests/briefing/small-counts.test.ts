import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { briefingHtml } from '../../app/ui/briefing/render-html';
import { briefingCharts } from '../../lib/briefing/charts';
import { briefingDocx } from '../../lib/briefing/docx';
import type { BriefingModel } from '../../lib/briefing/model';
import type { SmallCounts } from '../../lib/briefing/small-counts';
import { briefingText } from '../../lib/briefing/text';
import { type Figure, figuresOf, paragraphText } from '../../lib/briefing/text/segments';
import type { Lang } from '../../lib/i18n/codes';
import { smallCountModel } from './small-count-model';

/**
 * Small ticket counts in the monthly briefing (docs/security.md): a leader (no ticket access) reads ticket counts of
 * one and two as "<3" in the sentences, the tables, the chart labels, the map and the Word file, and never the exact
 * figure; an analyst reads the exact one. On a hand-made quiet month where every ticket count is 1 or 2, so the
 * proof does not depend on what the sample city happens to hold.
 */

/** Figure ids (before the ":") that count tickets; every count the briefing writes must be in one of the two lists. */
const TICKET_COUNTS = new Set([
  'appeals',
  'channel.tickets',
  'type.known',
  'type.tickets',
  'category.tickets',
  'category.previous',
  'category.change',
  'rising.tickets',
  'district.tickets',
  'districts.unlocated',
  'overdueCount',
  'overdueCount.momDiff',
  'stillOpen',
  'repeats.count',
  'repeatCategory.repeats',
  'place.tickets',
]);
/** Counts of other things, and forecasts: written as they are for every reader. */
const OTHER_COUNTS = new Set([
  'districts.withPopulation',
  'hotspots.cells',
  'hotspots.cellsIn',
  'departments.ranked',
  'places.count',
  'place.earlierMonths',
  'outlook.expected',
  'outlook.normal',
]);

const kindOf = (figure: Figure) => figure.id.split(':')[0] as string;
const figures = (model: BriefingModel, lang: Lang, counts: SmallCounts) =>
  figuresOf(briefingText(model, lang, counts));
const text = (model: BriefingModel, lang: Lang, counts: SmallCounts) =>
  briefingText(model, lang, counts)
    .flatMap((s) => s.paragraphs.map((p) => paragraphText(p, lang)))
    .join('\n');

/** The cells of every table of the page, in document order: table → row → cell text. */
function tables(html: string): string[][][] {
  const cellText = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...(table as string).matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...(row as string).matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, cell]) =>
        cellText(cell as string),
      ),
    ),
  );
}

/** A quiet month whose counts are big but change by one, and whose rising categories had one or two before. */
function bigCountsSmallChanges(): BriefingModel {
  const base = smallCountModel();
  const category = { l1: '01', l1Zh: '城市建设', l1En: 'Urban works' };
  const kpis = base.overview.kpis;
  return smallCountModel({
    overview: {
      ...base.overview,
      kpis: {
        ...kpis,
        current: { ...kpis.current, appeals: 1500, overdueCount: 102 },
        previous: { ...kpis.previous, appeals: 1400, overdueCount: 101 },
        lastYear: { ...kpis.lastYear, appeals: 1300, overdueCount: 90 },
      },
    },
    categories: {
      top: base.categories.top,
      rising: [
        {
          ...category,
          l2: '0101',
          l2Zh: '道路维修',
          l2En: 'Road repairs',
          tickets: 16,
          previous: 2,
          change: 14,
          changeRate: 7,
        },
        {
          ...category,
          l2: '0102',
          l2Zh: '路灯',
          l2En: 'Street lights',
          tickets: 40,
          previous: 30,
          change: 10,
          changeRate: 1 / 3,
        },
        {
          ...category,
          l2: '0103',
          l2Zh: '垃圾清运',
          l2En: 'Rubbish collection',
          tickets: 12,
          previous: 1,
          change: 11,
          changeRate: 11,
        },
      ],
    },
  });
}

describe.each(['zh', 'en'] as const)('small ticket counts in the briefing text (%s)', (lang) => {
  it('classes every count it writes as a ticket count or a count of something else', () => {
    for (const model of [smallCountModel(), bigCountsSmallChanges()])
      for (const counts of ['exact', 'suppressed'] as const)
        for (const f of figures(model, lang, counts))
          if (/^[\d,]+$|^<3$/.test(f.text))
            expect(
              TICKET_COUNTS.has(kindOf(f)) || OTHER_COUNTS.has(kindOf(f)),
              `${f.id}: unclassed count`,
            ).toBe(true);
  });

  it('writes "<3" for a leader and the exact 1 or 2 for an analyst', () => {
    const model = smallCountModel();
    const leader = figures(model, lang, 'suppressed').filter((f) => TICKET_COUNTS.has(kindOf(f)));
    const analyst = figures(model, lang, 'exact').filter((f) => TICKET_COUNTS.has(kindOf(f)));
    // Not a test that passes on nothing: the quiet month has a dozen ticket counts in its text.
    expect(leader.length).toBeGreaterThanOrEqual(12);
    for (const f of leader) {
      // The rising categories' total (2 + 1) is the one ticket figure of three or more. (A total of withheld counts
      // is shown, as on the dashboard's JSON: from three it identifies nobody by itself.)
      if (f.id === 'rising.tickets') expect(f.text).toBe('3');
      // Zero stays zero (a category new this month had none the month before): it identifies nobody.
      else if (f.value === 0) expect(f.text).toBe('0');
      else expect({ id: f.id, text: f.text, value: f.value }).toEqual({ id: f.id, text: '<3', value: null });
    }
    const small = analyst.filter((f) => f.value === 1 || f.value === 2);
    expect(small.length).toBeGreaterThanOrEqual(12);
    for (const f of small) expect(f.text).toBe(String(f.value));
    // Counts of other things and forecasts stay as they are for a leader.
    const others = figures(model, lang, 'suppressed').filter((f) => OTHER_COUNTS.has(kindOf(f)));
    expect(others.map((f) => f.text).sort()).toEqual(others.map((f) => String(f.value)).sort());
    expect(others.some((f) => f.text === '1' || f.text === '2')).toBe(true);
  });

  it('keeps the sentences grammatical around "<3"', () => {
    const leader = text(smallCountModel(), lang, 'suppressed');
    const analyst = text(smallCountModel(), lang, 'exact');
    if (lang === 'zh') {
      expect(leader).toContain('2025年7月，全市共受理诉求 <3 件，环比无可比数据，同比无可比数据。');
      expect(leader).toContain('从渠道看，12345热线 <3 件，占 50.0%；网站 <3 件，占 50.0%。');
      expect(leader).toContain('超期办理 <3 件，比上月有所减少。');
      expect(leader).toContain('另有 <3 件未能定位到区县。');
      expect(leader).toContain('本月 <3 件，此前已有 2 个月出现诉求');
      expect(leader).toContain('预计 2 件，约为常月（1 件）的 2.0 倍');
      expect(analyst).toContain('全市共受理诉求 2 件，环比上升 100.0%');
      expect(analyst).toContain('超期办理 1 件，比上月减少 1 件。');
    } else {
      expect(leader).toContain(
        'In July 2025 the city received <3 appeals, with nothing to compare against in June 2025',
      );
      expect(leader).toContain('<3 tickets were overdue, fewer than the month before.');
      expect(leader).toContain(' <3 appeals could not be placed in a district.');
      expect(leader).toContain('with <3 appeals this month and appeals in 2 earlier months');
      expect(analyst).toContain('the city received 2 appeals, up 100.0% on June 2025');
      expect(analyst).toContain('1 tickets were overdue, 1 fewer than the month before.');
    }
    expect(leader).not.toMatch(/<3\s*<3|[<>]\s*[<>]/);
  });

  it('withholds a change that would give a small count back, and writes a small change of big counts "<3"', () => {
    const model = bigCountsSmallChanges();
    const leader = text(model, lang, 'suppressed');
    const analyst = text(model, lang, 'exact');
    const ids = figures(model, lang, 'suppressed').map((f) => f.id);
    expect(ids).not.toContain('category.change:0101');
    expect(ids).not.toContain('category.changeRate:0101');
    if (lang === 'zh') {
      expect(leader).toContain(
        '环比上升最多的是道路维修，本月 16 件，上月为 <3 件；其次是路灯（增加 10 件）、垃圾清运（本月 12 件，上月 <3 件）。',
      );
      expect(analyst).toContain(
        '环比上升最多的是道路维修，本月 16 件，比上月增加 14 件（上升 700.0%）；其次是路灯（增加 10 件）、垃圾清运（增加 11 件）。',
      );
      expect(leader).toContain('超期办理 102 件，比上月增加 <3 件。');
      expect(analyst).toContain('超期办理 102 件，比上月增加 1 件。');
    } else {
      expect(leader).toContain(
        'Road repairs: 16 appeals, <3 the month before; then Street lights (10 more) and Rubbish collection (12, <3 the month before).',
      );
      expect(analyst).toContain(
        'Road repairs: 16 appeals, 14 more (up 700.0%); then Street lights (10 more) and Rubbish collection (11 more).',
      );
      expect(leader).toContain('102 tickets were overdue, <3 more than the month before.');
      expect(analyst).toContain('102 tickets were overdue, 1 more than the month before.');
    }
  });
});

describe.each(['zh', 'en'] as const)('small ticket counts in the tables, charts and map (%s)', (lang) => {
  it('shows a leader "<3" in every ticket column and an analyst the exact figure', () => {
    const model = smallCountModel();
    const [kpi, rising, districts, departments, places, outlook] = tables(
      briefingHtml(model, lang, 'suppressed', 'now'),
    );
    const row = (table: string[][] | undefined, i: number) => table?.[i]?.slice(1);
    expect(row(kpi, 1)).toEqual(['<3', '—', '—']); // appeals
    expect(row(kpi, 5)).toEqual(['<3', '—', '—']); // overdue
    expect(row(rising, 1)).toEqual(['<3', '<3', '—']);
    expect(row(rising, 2)).toEqual(['<3', '0', '—']);
    expect(districts?.slice(1).map((r) => r[1])).toEqual(['<3', '<3']);
    expect(
      departments
        ?.slice(1)
        .filter((r) => r.length > 1)
        .map((r) => r[2]),
    ).toEqual(['<3', '<3']);
    // A place's appeals are withheld, its earlier months are not; neither are a forecast's appeals.
    expect(row(places, 1)?.slice(1)).toEqual(['<3', '2']);
    expect(row(outlook, 1)?.slice(1, 3)).toEqual(['2', '1']);

    const exact = tables(briefingHtml(model, lang, 'exact', 'now'));
    expect(row(exact[0], 1)?.[0]).toBe('2');
    expect(row(exact[1], 1)?.slice(0, 2)).toEqual(['2', '1']);
    expect(exact[2]?.slice(1).map((r) => r[1])).toEqual(['2', '1']);
    expect(row(exact[4], 1)?.slice(1)).toEqual(['2', '2']);

    // The share of the appeals shown and the rate beside the population would give a withheld count back.
    const [share, population, per10k] = [2, 3, 4] as const;
    for (const r of districts?.slice(1) ?? []) {
      expect([r[share], r[per10k]]).toEqual(['—', '—']);
      expect(r[population]).not.toBe('—');
    }
    for (const r of exact[2]?.slice(1) ?? []) expect([r[share], r[per10k]]).not.toContain('—');
  });

  it('names no district by its rate per 10,000 residents when its count is withheld', () => {
    const ids = (counts: SmallCounts) =>
      figures(smallCountModel(), lang, counts)
        .map((f) => f.id)
        .filter((id) => id.startsWith('district.per10k:'));
    expect(ids('exact')).toEqual(['district.per10k:511502', 'district.per10k:511503']);
    expect(ids('suppressed')).toEqual([]);
  });

  it('writes no withheld count into the page as a data attribute', () => {
    const leader = briefingHtml(smallCountModel(), lang, 'suppressed', 'now');
    expect(leader).toMatch(/data-figure="appeals">&lt;3</);
    expect(briefingHtml(smallCountModel(), lang, 'exact', 'now')).toMatch(
      /data-figure="appeals" data-value="2">2</,
    );
  });

  it('labels the map and the bars with "<3" for a leader', () => {
    const chart = (counts: SmallCounts, id: string) =>
      briefingCharts(smallCountModel(), lang, counts).find((c) => c.id === id)?.svg ?? '';
    expect(chart('suppressed', 'map').match(/<tspan[^>]*>([^<]*)<\/tspan>/g)).toHaveLength(2);
    expect(chart('suppressed', 'map')).not.toMatch(/<tspan[^>]*>[12]</);
    expect(
      [...chart('suppressed', 'map').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]),
    ).toEqual(['&lt;3', '&lt;3']);
    expect([...chart('exact', 'map').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1])).toEqual([
      '2',
      '1',
    ]);
    // ECharts writes a label as text; a leader's district bars say "<3", the rising bars "—".
    const labels = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels(chart('suppressed', 'districts'))).toEqual(expect.arrayContaining(['&lt;3']));
    expect(labels(chart('suppressed', 'districts'))).not.toEqual(expect.arrayContaining(['1']));
    expect(labels(chart('exact', 'districts'))).toEqual(expect.arrayContaining(['2', '1']));
    expect(labels(chart('suppressed', 'rising'))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^\+/)]),
    );
    expect(labels(chart('exact', 'rising'))).toEqual(expect.arrayContaining([expect.stringMatching(/^\+1/)]));
  });

  it('writes the Word file for its reader too', async () => {
    const model = smallCountModel();
    const words = async (counts: SmallCounts) => {
      const docx = await briefingDocx({
        model,
        sections: briefingText(model, lang, counts),
        charts: briefingCharts(model, lang, counts),
        pngs: new Map(),
        lang,
        counts,
        generatedAt: 'now',
      });
      const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml'] ?? new Uint8Array());
      return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) =>
        (m[1] as string).replace(/&lt;/g, '<'),
      );
    };
    const leader = await words('suppressed');
    const exact = await words('exact');
    const cellAfter = (all: string[], cell: string) => all[all.lastIndexOf(cell) + 1];
    // The district and department tables: the cell after the name is the appeals.
    expect([cellAfter(leader, '翠屏区'), cellAfter(leader, '南溪区')]).toEqual(['<3', '<3']);
    expect([cellAfter(exact, '翠屏区'), cellAfter(exact, '南溪区')]).toEqual(['2', '1']);
    // Appeals, population, per 10,000 residents: the rate goes with a withheld count.
    const districtRow = (all: string[]) =>
      all.slice(all.lastIndexOf('翠屏区') + 1, all.lastIndexOf('翠屏区') + 4);
    expect(districtRow(leader)).toEqual(['<3', expect.any(String), '—']);
    expect(districtRow(exact)[2]).not.toBe('—');
    expect([cellAfter(leader, '市水务局'), cellAfter(exact, '市水务局')]).toEqual(['<3', '2']);
    expect(leader.join('\n')).toContain(
      paragraphText(briefingText(model, lang, 'suppressed')[0]?.paragraphs[0] ?? [], lang),
    );
  });
});
