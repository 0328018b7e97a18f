import type { RisingCategory } from '../../queries/category-shares';
import {
  day,
  decimal,
  month,
  name,
  percent,
  plainCount,
  points,
  roundsToZero,
  ticketCount,
  ticketDifference,
} from '../format';
import { BRIEFING_LIMITS, type BriefingModel, STILL_OPEN_NOTE } from '../model';
import { isChangeWithheld, isWithheld, type SmallCounts } from '../small-counts';
import { appealTypeName, categoryName, covered, hotspotDistricts, outlookRegionName } from './names';
import type { SectionText, Segment, Sentence } from './segments';

/** The briefing's generated text in English: the same figures as the Chinese text, in plain sentences. */
const L = 'en' as const;

/** A ticket count as the reader may see it ("<3 appeals" reads as well as "2 appeals"). */
const tickets = (id: string, value: number, c: SmallCounts) => ticketCount(id, value, L, c);

function countChange(
  id: string,
  current: number,
  base: number | null,
  against: Segment,
  c: SmallCounts,
): Segment[] {
  if (base === null || base === 0 || isChangeWithheld(current, base, c))
    return ['with nothing to compare against in ', against];
  const change = (current - base) / base;
  if (roundsToZero(change)) return ['unchanged on ', against];
  return [change > 0 ? 'up ' : 'down ', percent(id, change, L), ' on ', against];
}

function rateChange(id: string, current: number | null, base: number | null): Segment[] | null {
  if (current === null || base === null) return null;
  const change = current - base;
  if (roundsToZero(change)) return ['unchanged on the month before'];
  return [change > 0 ? 'up ' : 'down ', points(id, change, L), ' points on the month before'];
}

/** "a, b and c". */
function list(items: Segment[][]): Segment[] {
  return items.flatMap((item, i) => (i === 0 ? item : [i === items.length - 1 ? ' and ' : ', ', ...item]));
}

function overview(m: BriefingModel, c: SmallCounts): SectionText {
  const { kpis, channels, appealTypes, typedTickets } = m.overview;
  const appeals = kpis.current.appeals ?? 0;
  const first: Sentence = [
    'In ',
    month(m.month, L),
    ' the city received ',
    tickets('appeals', appeals, c),
    ' appeals, ',
    ...countChange(
      'appeals.mom',
      appeals,
      kpis.previous.appeals,
      month(m.ranges.previous.from.slice(0, 7), L),
      c,
    ),
    ' and ',
    ...countChange(
      'appeals.yoy',
      appeals,
      kpis.lastYear.appeals,
      month(m.ranges.lastYear.from.slice(0, 7), L),
      c,
    ),
    '.',
  ];
  if (m.coverage === 'partial')
    first.push(
      ' The data cover only ',
      day(covered(m).from, L),
      ' to ',
      day(covered(m).to, L),
      ' of the month.',
    );
  const byChannel: Sentence = [
    'By channel: ',
    ...list(
      channels.map((ch) => [
        name(ch.channel),
        ' ',
        tickets(`channel.tickets:${ch.channel}`, ch.tickets, c),
        ' (',
        percent(`channel.share:${ch.channel}`, ch.tickets / appeals, L),
        ')',
      ]),
    ),
    '.',
  ];
  const sentences: Sentence[] = [first, byChannel];
  const [topType, ...otherTypes] = appealTypes;
  if (topType && typedTickets > 0) {
    const share = (t: { type: string; tickets: number }) =>
      percent(`type.share:${t.type}`, t.tickets / typedTickets, L);
    const byType: Sentence = [
      'Of the ',
      tickets('type.known', typedTickets, c),
      ' appeals with a recorded type, ',
      name(appealTypeName(topType.type, L).toLowerCase()),
      ' was the most common (',
      tickets(`type.tickets:${topType.type}`, topType.tickets, c),
      ', ',
      share(topType),
      ')',
    ];
    if (otherTypes.length > 0)
      byType.push(
        ', followed by ',
        ...list(
          otherTypes
            .slice(0, 3)
            .map((t) => [name(appealTypeName(t.type, L).toLowerCase()), ' (', share(t), ')']),
        ),
      );
    byType.push('.');
    sentences.push(byType);
  }
  return { id: 'overview', heading: '1. Overview', paragraphs: [sentences] };
}

function categories(m: BriefingModel, c: SmallCounts): SectionText {
  const appeals = m.overview.kpis.current.appeals ?? 0;
  const { top, rising } = m.categories;
  const nameOf = (r: { l2: string | null; l2Zh: string | null; l2En: string | null }) =>
    name(categoryName({ code: r.l2, zh: r.l2Zh, en: r.l2En }, L));
  const sentences: Sentence[] = [];
  if (top.length > 0)
    sentences.push([
      'The most frequent second-level categories were ',
      ...list(
        top
          .slice(0, 3)
          .map((r) => [
            nameOf(r),
            ' (',
            tickets(`category.tickets:${r.l2}`, r.tickets, c),
            ', ',
            percent(`category.share:${r.l2}`, r.tickets / appeals, L),
            ')',
          ]),
      ),
      '.',
    ]);
  const [lead, ...others] = rising;
  if (!lead) {
    sentences.push(['No second-level category rose markedly on the month before.']);
  } else {
    const previous = (r: RisingCategory) => tickets(`category.previous:${r.l2}`, r.previous, c);
    const change = (r: RisingCategory) =>
      ticketDifference(`category.change:${r.l2}`, r.tickets, r.previous, L, c);
    const leadChange = change(lead);
    const rise: Sentence = [
      'The largest rise on the month before was in ',
      nameOf(lead),
      ': ',
      tickets(`category.tickets:${lead.l2}`, lead.tickets, c),
      ' appeals, ',
      // A withheld month before leaves out the increase and its rate too: either would give it back.
      ...(!leadChange
        ? [previous(lead), ' the month before']
        : lead.changeRate === null
          ? [leadChange, ' more (', previous(lead), ' the month before)']
          : [leadChange, ' more (up ', percent(`category.changeRate:${lead.l2}`, lead.changeRate, L), ')']),
    ];
    if (others.length > 0)
      rise.push(
        '; then ',
        ...list(
          others.slice(0, 2).map((r): Segment[] => {
            const more = change(r);
            return more
              ? [nameOf(r), ' (', more, ' more)']
              : [
                  nameOf(r),
                  ' (',
                  tickets(`category.tickets:${r.l2}`, r.tickets, c),
                  ', ',
                  previous(r),
                  ' the month before)',
                ];
          }),
        ),
      );
    rise.push('.');
    sentences.push(rise);
    const total = rising.slice(0, 3).reduce((sum, r) => sum + r.tickets, 0);
    sentences.push([
      'Together these categories account for ',
      tickets('rising.tickets', total, c),
      ' appeals, ',
      percent('rising.share', total / appeals, L),
      ' of the month; the departments concerned should look into why they rose.',
    ]);
  }
  return { id: 'categories', heading: '2. Rising issues', paragraphs: [sentences] };
}

function districts(m: BriefingModel, c: SmallCounts): SectionText {
  const { ranked, byRate, unlocated, hotspots } = m.districts;
  const first: Sentence = [
    'The districts with the most appeals were ',
    ...list(
      ranked
        .slice(0, 3)
        .map((d) => [
          name(d.name ?? d.code ?? ''),
          ' (',
          tickets(`district.tickets:${d.code}`, d.tickets, c),
          ')',
        ]),
    ),
    '.',
  ];
  if (unlocated > 0)
    first.push(
      ' ',
      tickets('districts.unlocated', unlocated, c),
      ' appeals could not be placed in a district.',
    );
  const sentences: Sentence[] = [first];
  if (byRate.length > 0)
    sentences.push([
      'Per ten thousand residents',
      ' (',
      plainCount('districts.withPopulation', byRate.length, L),
      ' districts have population figures), the highest were ',
      ...list(
        byRate
          // With the population beside it, the rate of a withheld count would give the count back.
          .filter((d) => !isWithheld(d.tickets, c))
          .slice(0, 3)
          .map((d) => [
            name(d.name ?? d.code ?? ''),
            ' (',
            decimal(`district.per10k:${d.code}`, d.per10k ?? 0, L),
            ')',
          ]),
      ),
      '.',
    ]);
  if (!hotspots.available) {
    sentences.push(
      hotspots.reason === 'not_computed'
        ? [
            'Hotspot analysis has not been computed for this warehouse (run npm run etl -- analyse); the map shows district boundaries only.',
          ]
        : [
            'This month is outside the months the hotspot analysis covers; the map shows district boundaries only.',
          ],
    );
  } else if (hotspots.cells.length === 0) {
    sentences.push(['No statistically significant hotspot cell was found this month.']);
  } else {
    sentences.push([
      'The hotspot analysis (Gi*) found ',
      plainCount('hotspots.cells', hotspots.cells.length, L),
      ' significant hotspot cells this month, mostly in ',
      ...list(
        hotspotDistricts(hotspots.cells)
          .slice(0, 3)
          .map(([county, cells]) => [
            name(county),
            ' (',
            plainCount(`hotspots.cellsIn:${county}`, cells, L),
            ')',
          ]),
      ),
      '; see the map.',
    ]);
  }
  return { id: 'districts', heading: '3. Where', paragraphs: [sentences] };
}

function handling(m: BriefingModel, c: SmallCounts): SectionText {
  const { current, previous } = m.overview.kpis;
  const rates: [keyof typeof current, string][] = [
    ['resolvedRate', 'resolved rate'],
    ['satisfactionRate', 'satisfaction'],
    ['onTimeRate', 'closed on time'],
    ['returnRate', 'returned rate'],
  ];
  const parts = rates.flatMap(([id, label]) => {
    const value = current[id];
    if (value === null) return [];
    const change = rateChange(`${id}.mom`, value, previous[id]);
    return [[label, ' ', percent(id, value, L), ...(change ? [' (', ...change, ')'] : [])] as Segment[]];
  });
  const sentences: Sentence[] = [];
  if (parts.length > 0) {
    const joined = list(parts);
    const [firstWord, ...rest] = joined;
    sentences.push([
      typeof firstWord === 'string' ? firstWord.charAt(0).toUpperCase() + firstWord.slice(1) : '',
      ...rest,
      '.',
    ]);
  }
  const overdue = current.overdueCount ?? 0;
  const overdueSentence: Sentence = [tickets('overdueCount', overdue, c), ' tickets were overdue'];
  if (previous.overdueCount !== null) {
    const diff = overdue - previous.overdueCount;
    const by = ticketDifference('overdueCount.momDiff', overdue, previous.overdueCount, L, c);
    overdueSentence.push(
      ...(diff === 0
        ? [', as many as the month before']
        : by
          ? [', ', by, diff > 0 ? ' more' : ' fewer', ' than the month before']
          : [diff > 0 ? ', more' : ', fewer', ' than the month before']),
    );
  }
  overdueSentence.push('.');
  sentences.push(overdueSentence);
  const { still_open: stillOpen, tickets: received } = m.overview.sums;
  if (received > 0 && stillOpen / received >= STILL_OPEN_NOTE)
    sentences.push([
      tickets('stillOpen', stillOpen, c),
      " of the month's appeals (",
      percent('stillOpen.share', stillOpen / received, L),
      ') are still open, so these handling figures may still change.',
    ]);
  const { ranked } = m.handling;
  if (ranked.length >= 2) {
    const shown = Math.min(BRIEFING_LIMITS.departments, Math.floor(ranked.length / 2));
    const dept = (r: (typeof ranked)[number], withOnTime: boolean): Segment[] => [
      name(r.department),
      ' (',
      decimal(`department.score:${r.department}`, r.current.score, L),
      ...(withOnTime && r.current.onTimeRate !== null
        ? [', on time ', percent(`department.onTime:${r.department}`, r.current.onTimeRate, L)]
        : []),
      ')',
    ];
    sentences.push([
      'Of the ',
      plainCount('departments.ranked', ranked.length, L),
      ' departments ranked by the complexity-weighted score, the best were ',
      ...list(ranked.slice(0, shown).map((r) => dept(r, false))),
      '; the lowest were ',
      ...list(
        ranked
          .slice(-shown)
          .reverse()
          .map((r) => dept(r, true)),
      ),
      ', which should be asked to improve.',
    ]);
  }
  const quality = handlingQuality(m);
  return { id: 'handling', heading: '4. Handling', paragraphs: quality ? [sentences, quality] : [sentences] };
}

/** Handling quality by names only (docs/handling.md): the figures are on the handling-quality view. */
function handlingQuality(m: BriefingModel): Sentence[] | null {
  const q = m.handling.quality;
  if (!q || (q.bouncePairs.length === 0 && q.mostReopened.length === 0)) return null;
  const out: Sentence[] = [];
  if (q.bouncePairs.length > 0)
    out.push([
      'The units that returned and re-dispatched most tickets between them were ',
      ...list(
        q.bouncePairs.map((p) => [
          name(p.unitA),
          ' ⇄ ',
          name(p.unitB),
          ...(p.category ? [' (', name(categoryName(p.category, L)), ')'] : []),
        ]),
      ),
      '; their responsibilities should be settled in the responsibility list.',
    ]);
  if (q.mostReopened.length > 0)
    out.push([
      'The units whose closures most often came back from the same caller or place on the same problem were ',
      ...list(q.mostReopened.map((u) => [name(u.unit)])),
      '; the quality of their closures should be checked.',
    ]);
  return out;
}

function repeats(m: BriefingModel, c: SmallCounts): SectionText {
  const { sums, kpis } = m.overview;
  const sentences: Sentence[] = [];
  const rate = kpis.current.repeatRate;
  if (rate === null) {
    sentences.push(['No appeal this month recorded its caller, so repeat appeals cannot be identified.']);
  } else {
    const change = rateChange('repeatRate.mom', rate, kpis.previous.repeatRate);
    sentences.push([
      tickets('repeats.count', sums.repeat_appeals, c),
      " appeals repeated the same caller's appeal on the same issue within thirty days, ",
      percent('repeatRate', rate, L),
      ' of appeals with a known caller',
      ...(change ? [' (', ...change, ')'] : []),
      '.',
    ]);
  }
  const { byCategory, places } = m.repeats;
  if (byCategory.length > 0)
    sentences.push([
      'Most repeats concerned ',
      ...list(
        byCategory
          .slice(0, 3)
          .map((r) => [
            name(categoryName({ code: r.code, zh: r.nameZh, en: r.nameEn }, L)),
            ' (',
            tickets(`repeatCategory.repeats:${r.code}`, r.repeats, c),
            ')',
          ]),
      ),
      '.',
    ]);
  if (places.length === 0) {
    sentences.push(['No place had appeals this month that also kept coming back in earlier months.']);
  } else {
    const [p] = places;
    sentences.push([
      plainCount('places.count', m.repeats.placesTotal, L),
      ' places had several appeals this month and in several earlier months; the most prominent is ',
      name(p?.address ?? ''),
      ...(p?.categoryCode
        ? [' (', name(categoryName({ code: p.categoryCode, zh: p.categoryZh, en: p.categoryEn }, L)), ')']
        : []),
      ' with ',
      tickets('place.tickets:0', p?.tickets ?? 0, c),
      ' appeals this month and appeals in ',
      plainCount('place.earlierMonths:0', p?.earlierMonths ?? 0, L),
      ' earlier months. It is a candidate for supervision or a public project.',
    ]);
  }
  return { id: 'repeats', heading: '5. Repeat appeals and recurring problems', paragraphs: [sentences] };
}

function outlook(m: BriefingModel): SectionText {
  const o = m.outlook;
  const heading = '6. Next month: forecast and suggestions';
  const one = (sentence: Sentence): SectionText => ({ id: 'outlook', heading, paragraphs: [[sentence]] });
  if (o.status === 'not_computed')
    return one([
      'Forecasts have not been computed for this warehouse (run npm run etl -- analyse); this section is empty.',
    ]);
  if (o.status === 'past_month')
    return one([
      month(o.nextMonth, L),
      ' already has data. Forecasts are made only for the months after the data end',
      ...(o.forecastFrom ? [' (from ', month(o.forecastFrom, L), ')'] : []),
      '; see the briefing of the latest month.',
    ]);
  if (o.items.length === 0)
    return one([
      'No category is expected to be markedly above its normal month in ',
      month(o.nextMonth, L),
      '.',
    ]);
  const items = o.items.slice(0, BRIEFING_LIMITS.outlook).map((r): Sentence => {
    const key = `${r.regionCode}:${r.categoryCode}`;
    const [lead] = r.departments;
    return [
      name(outlookRegionName(r, L)),
      ', ',
      name(categoryName({ code: r.categoryCode, zh: r.categoryZh, en: r.categoryEn }, L)),
      ': about ',
      plainCount(`outlook.expected:${key}`, r.expected, L),
      ' appeals expected, ',
      decimal(`outlook.rise:${key}`, r.rise, L),
      ' times a normal month (',
      plainCount(`outlook.normal:${key}`, r.normal, L),
      '). ',
      ...(lead ? [name(lead)] : ['The departments concerned']),
      ' should prepare by ',
      day(r.actBy, L),
      '.',
    ];
  });
  return {
    id: 'outlook',
    heading,
    paragraphs: [
      [
        [
          'These appeals are expected to be markedly above normal in ',
          month(o.nextMonth, L),
          '; act before they arrive:',
        ],
      ],
      ...items.map((s) => [s]),
    ],
  };
}

/** The English text of every section, in the same order as the Chinese. */
export function briefingTextEn(m: BriefingModel, c: SmallCounts): SectionText[] {
  return [overview(m, c), categories(m, c), districts(m, c), handling(m, c), repeats(m, c), outlook(m)];
}
