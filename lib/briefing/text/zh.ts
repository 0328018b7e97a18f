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

/**
 * The briefing's generated text in Chinese: plain official wording, every number a Figure taken from the model
 * (上升/下降/持平 for counts, 提高/降低 … 个百分点 for rates; a change is never written with a sign).
 */
const L = 'zh' as const;

/** A ticket count as the reader may see it ("<3 件" reads as well as "2 件"). */
const tickets = (id: string, value: number, c: SmallCounts) => ticketCount(id, value, L, c);

/** "上升 8.2%" / "下降 3.1%" / "持平" / "无可比数据", for a relative change of a count. */
function countChange(id: string, current: number, base: number | null, c: SmallCounts): Segment[] {
  if (base === null || base === 0 || isChangeWithheld(current, base, c)) return ['无可比数据'];
  const change = (current - base) / base;
  if (roundsToZero(change)) return ['持平'];
  return [change > 0 ? '上升 ' : '下降 ', percent(id, change, L)];
}

/** "比上月提高 1.2 个百分点" / "与上月持平", for a rate; null when either rate is unknown. */
function rateChange(
  id: string,
  current: number | null,
  base: number | null,
  against: string,
): Segment[] | null {
  if (current === null || base === null) return null;
  const change = current - base;
  if (roundsToZero(change)) return [`与${against}持平`];
  return [`比${against}${change > 0 ? '提高' : '降低'} `, points(id, change, L), ' 个百分点'];
}

/** Items joined with 、 and a final 和 is not used in official prose: 、 throughout. */
function list(items: Segment[][]): Segment[] {
  return items.flatMap((item, i) => (i === 0 ? item : ['、', ...item]));
}

function overview(m: BriefingModel, c: SmallCounts): SectionText {
  const { kpis, channels, appealTypes, typedTickets } = m.overview;
  const appeals = kpis.current.appeals ?? 0;
  const first: Sentence = [
    month(m.month, L),
    '，全市共受理诉求 ',
    tickets('appeals', appeals, c),
    ' 件，环比',
    ...countChange('appeals.mom', appeals, kpis.previous.appeals, c),
    '，同比',
    ...countChange('appeals.yoy', appeals, kpis.lastYear.appeals, c),
    '。',
  ];
  if (m.coverage === 'partial')
    first.push(
      '本月数据仅覆盖 ',
      day(covered(m).from, L),
      '至',
      day(covered(m).to, L),
      '，各项数字为这段时间的数字。',
    );
  const byChannel: Sentence = [
    '从渠道看，',
    ...channels.flatMap((ch, i) => [
      i === 0 ? '' : '；',
      name(ch.channel),
      ' ',
      tickets(`channel.tickets:${ch.channel}`, ch.tickets, c),
      ' 件，占 ',
      percent(`channel.share:${ch.channel}`, ch.tickets / appeals, L),
    ]),
    '。',
  ];
  const paragraphs: Sentence[][] = [[first, byChannel]];
  const [topType, ...otherTypes] = appealTypes;
  if (topType && typedTickets > 0) {
    const share = (t: { type: string; tickets: number }) =>
      percent(`type.share:${t.type}`, t.tickets / typedTickets, L);
    const byType: Sentence = [
      '从诉求类型看（按记录了类型的 ',
      tickets('type.known', typedTickets, c),
      ' 件计），',
      name(appealTypeName(topType.type, L)),
      '最多，',
      tickets(`type.tickets:${topType.type}`, topType.tickets, c),
      ' 件，占 ',
      share(topType),
    ];
    if (otherTypes.length > 0)
      byType.push(
        '；其次是',
        ...list(otherTypes.slice(0, 3).map((t) => [name(appealTypeName(t.type, L)), '（', share(t), '）'])),
      );
    byType.push('。');
    paragraphs[0]?.push(byType);
  }
  return { id: 'overview', heading: '一、总体情况', paragraphs };
}

function categories(m: BriefingModel, c: SmallCounts): SectionText {
  const appeals = m.overview.kpis.current.appeals ?? 0;
  const { top, rising } = m.categories;
  const nameOf = (r: { l2: string | null; l2Zh: string | null; l2En: string | null }) =>
    name(categoryName({ code: r.l2, zh: r.l2Zh, en: r.l2En }, L));
  const paragraph: Sentence[] = [];
  if (top.length > 0)
    paragraph.push([
      '诉求量最多的二级类别是',
      ...list(
        top
          .slice(0, 3)
          .map((r) => [
            nameOf(r),
            '（',
            tickets(`category.tickets:${r.l2}`, r.tickets, c),
            ' 件，占 ',
            percent(`category.share:${r.l2}`, r.tickets / appeals, L),
            '）',
          ]),
      ),
      '。',
    ]);
  const [lead, ...others] = rising;
  if (!lead) {
    paragraph.push(['与上月相比，没有二级类别的诉求量明显上升。']);
  } else {
    const previous = (r: RisingCategory) => tickets(`category.previous:${r.l2}`, r.previous, c);
    const change = (r: RisingCategory) =>
      ticketDifference(`category.change:${r.l2}`, r.tickets, r.previous, L, c);
    const leadChange = change(lead);
    const rise: Sentence = [
      '环比上升最多的是',
      nameOf(lead),
      '，本月 ',
      tickets(`category.tickets:${lead.l2}`, lead.tickets, c),
      ' 件',
      // A withheld month before leaves out the increase and its rate too: either would give it back.
      ...(!leadChange
        ? ['，上月为 ', previous(lead), ' 件']
        : lead.changeRate === null
          ? ['，比上月增加 ', leadChange, ' 件（上月为 ', previous(lead), ' 件）']
          : [
              '，比上月增加 ',
              leadChange,
              ' 件（上升 ',
              percent(`category.changeRate:${lead.l2}`, lead.changeRate, L),
              '）',
            ]),
    ];
    if (others.length > 0)
      rise.push(
        '；其次是',
        ...list(
          others.slice(0, 2).map((r): Segment[] => {
            const more = change(r);
            return more
              ? [nameOf(r), '（增加 ', more, ' 件）']
              : [
                  nameOf(r),
                  '（本月 ',
                  tickets(`category.tickets:${r.l2}`, r.tickets, c),
                  ' 件，上月 ',
                  previous(r),
                  ' 件）',
                ];
          }),
        ),
      );
    rise.push('。');
    paragraph.push(rise);
    const listed = rising.slice(0, 3);
    const total = listed.reduce((sum, r) => sum + r.tickets, 0);
    paragraph.push([
      '上述类别本月合计 ',
      tickets('rising.tickets', total, c),
      ' 件，占全市诉求的 ',
      percent('rising.share', total / appeals, L),
      '，建议相关部门关注增长原因，提前研判处置。',
    ]);
  }
  return { id: 'categories', heading: '二、诉求热点', paragraphs: [paragraph] };
}

function districts(m: BriefingModel, c: SmallCounts): SectionText {
  const { ranked, byRate, unlocated, hotspots } = m.districts;
  const first: Sentence = [
    '按区县看，诉求最多的是',
    ...list(
      ranked
        .slice(0, 3)
        .map((d) => [
          name(d.name ?? d.code ?? ''),
          '（',
          tickets(`district.tickets:${d.code}`, d.tickets, c),
          ' 件）',
        ]),
    ),
    '。',
  ];
  if (unlocated > 0) first.push('另有 ', tickets('districts.unlocated', unlocated, c), ' 件未能定位到区县。');
  const paragraph: Sentence[] = [first];
  if (byRate.length > 0)
    paragraph.push([
      '按每万名常住人口的诉求量看（',
      plainCount('districts.withPopulation', byRate.length, L),
      ' 个区县有人口数据），最高的是',
      ...list(
        byRate
          // With the population beside it, the rate of a withheld count would give the count back.
          .filter((d) => !isWithheld(d.tickets, c))
          .slice(0, 3)
          .map((d) => [
            name(d.name ?? d.code ?? ''),
            '（',
            decimal(`district.per10k:${d.code}`, d.per10k ?? 0, L),
            ' 件/万人）',
          ]),
      ),
      '。',
    ]);
  if (!hotspots.available) {
    paragraph.push(
      hotspots.reason === 'not_computed'
        ? ['本数据库尚未计算热点分析（运行 npm run etl -- analyse 后生成），地图仅显示区县边界。']
        : ['本月不在热点分析覆盖的月份内，地图仅显示区县边界。'],
    );
  } else if (hotspots.cells.length === 0) {
    paragraph.push(['本月未发现统计上显著的诉求热点网格。']);
  } else {
    paragraph.push([
      '经热点分析（Gi* 统计），本月共有 ',
      plainCount('hotspots.cells', hotspots.cells.length, L),
      ' 个网格为显著热点，主要分布在',
      ...list(
        hotspotDistricts(hotspots.cells)
          .slice(0, 3)
          .map(([county, cells]) => [
            name(county),
            '（',
            plainCount(`hotspots.cellsIn:${county}`, cells, L),
            ' 个）',
          ]),
      ),
      '，见下图。',
    ]);
  }
  return { id: 'districts', heading: '三、区域分布', paragraphs: [paragraph] };
}

function handling(m: BriefingModel, c: SmallCounts): SectionText {
  const { current, previous } = m.overview.kpis;
  const rates: [keyof typeof current, string][] = [
    ['resolvedRate', '解决率'],
    ['satisfactionRate', '满意率'],
    ['onTimeRate', '按期办结率'],
    ['returnRate', '回退率'],
  ];
  const parts = rates.flatMap(([id, label]) => {
    const value = current[id];
    if (value === null) return [];
    const change = rateChange(`${id}.mom`, value, previous[id], '上月');
    return [[label, ' ', percent(id, value, L), ...(change ? ['，', ...change] : [])] as Segment[]];
  });
  const paragraph: Sentence[] = [];
  if (parts.length > 0)
    paragraph.push(['本月', ...parts.flatMap((p, i) => (i === 0 ? p : ['；', ...p])), '。']);
  const overdue = current.overdueCount ?? 0;
  const overdueSentence: Sentence = ['超期办理 ', tickets('overdueCount', overdue, c), ' 件'];
  if (previous.overdueCount !== null) {
    const diff = overdue - previous.overdueCount;
    const by = ticketDifference('overdueCount.momDiff', overdue, previous.overdueCount, L, c);
    overdueSentence.push(
      ...(diff === 0
        ? ['，与上月持平']
        : by
          ? [`，比上月${diff > 0 ? '增加' : '减少'} `, by, ' 件']
          : [`，比上月有所${diff > 0 ? '增加' : '减少'}`]),
    );
  }
  overdueSentence.push('。');
  paragraph.push(overdueSentence);
  const { still_open: stillOpen, tickets: received } = m.overview.sums;
  if (received > 0 && stillOpen / received >= STILL_OPEN_NOTE)
    paragraph.push([
      '本月受理的诉求中尚有 ',
      tickets('stillOpen', stillOpen, c),
      ' 件未办结（占 ',
      percent('stillOpen.share', stillOpen / received, L),
      '），以上办理指标可能仍会变化。',
    ]);
  const { ranked } = m.handling;
  if (ranked.length >= 2) {
    const shown = Math.min(BRIEFING_LIMITS.departments, Math.floor(ranked.length / 2));
    const dept = (r: (typeof ranked)[number], withOnTime: boolean): Segment[] => [
      name(r.department),
      '（',
      decimal(`department.score:${r.department}`, r.current.score, L),
      ' 分',
      ...(withOnTime && r.current.onTimeRate !== null
        ? ['，按期办结率 ', percent(`department.onTime:${r.department}`, r.current.onTimeRate, L)]
        : []),
      '）',
    ];
    paragraph.push([
      '按复杂度加权综合得分，在参与排名的 ',
      plainCount('departments.ranked', ranked.length, L),
      ' 个部门中，得分最高的是',
      ...list(ranked.slice(0, shown).map((r) => dept(r, false))),
      '；得分最低的是',
      ...list(
        ranked
          .slice(-shown)
          .reverse()
          .map((r) => dept(r, true)),
      ),
      '，建议督促整改。',
    ]);
  }
  const quality = handlingQuality(m);
  return {
    id: 'handling',
    heading: '四、办理情况',
    paragraphs: quality ? [paragraph, quality] : [paragraph],
  };
}

/** Handling quality by names only (docs/handling.md): the figures are on the handling-quality view. */
function handlingQuality(m: BriefingModel): Sentence[] | null {
  const q = m.handling.quality;
  if (!q || (q.bouncePairs.length === 0 && q.mostReopened.length === 0)) return null;
  const out: Sentence[] = [];
  if (q.bouncePairs.length > 0)
    out.push([
      '本月单位之间退回、反复派单最多的是',
      ...list(
        q.bouncePairs.map((p) => [
          name(p.unitA),
          '与',
          name(p.unitB),
          ...(p.category ? ['（', name(categoryName(p.category, L)), '）'] : []),
        ]),
      ),
      '，建议在权责清单中明确职责边界。',
    ]);
  if (q.mostReopened.length > 0)
    out.push([
      '办结后又被同一来电人或同一地点就同一问题再次反映最多的单位是',
      ...list(q.mostReopened.map((u) => [name(u.unit)])),
      '，建议核查其办结质量。',
    ]);
  return out;
}

function repeats(m: BriefingModel, c: SmallCounts): SectionText {
  const { sums, kpis } = m.overview;
  const paragraph: Sentence[] = [];
  const rate = kpis.current.repeatRate;
  if (rate === null) {
    paragraph.push(['本月诉求均未记录来电人，无法识别重复诉求。']);
  } else {
    const change = rateChange('repeatRate.mom', rate, kpis.previous.repeatRate, '上月');
    paragraph.push([
      '本月重复诉求（同一来电人三十天内就同一问题再次反映）共 ',
      tickets('repeats.count', sums.repeat_appeals, c),
      ' 件，占可识别来电人诉求的 ',
      percent('repeatRate', rate, L),
      ...(change ? ['，', ...change] : []),
      '。',
    ]);
  }
  const { byCategory, places } = m.repeats;
  if (byCategory.length > 0)
    paragraph.push([
      '重复诉求较多的类别是',
      ...list(
        byCategory
          .slice(0, 3)
          .map((r) => [
            name(categoryName({ code: r.code, zh: r.nameZh, en: r.nameEn }, L)),
            '（',
            tickets(`repeatCategory.repeats:${r.code}`, r.repeats, c),
            ' 件）',
          ]),
      ),
      '。',
    ]);
  if (places.length === 0) {
    paragraph.push(['本月没有在此前多个月反复出现诉求的地点。']);
  } else {
    const [p] = places;
    paragraph.push([
      '有 ',
      plainCount('places.count', m.repeats.placesTotal, L),
      ' 处地点本月有多件诉求且此前多个月反复出现，最突出的是',
      name(p?.address ?? ''),
      ...(p?.categoryCode
        ? ['（', name(categoryName({ code: p.categoryCode, zh: p.categoryZh, en: p.categoryEn }, L)), '）']
        : []),
      '，本月 ',
      tickets('place.tickets:0', p?.tickets ?? 0, c),
      ' 件，此前已有 ',
      plainCount('place.earlierMonths:0', p?.earlierMonths ?? 0, L),
      ' 个月出现诉求，建议列为重点督办或纳入民生实事研究。',
    ]);
  }
  return { id: 'repeats', heading: '五、重复诉求与突出问题', paragraphs: [paragraph] };
}

function outlook(m: BriefingModel): SectionText {
  const o = m.outlook;
  const heading = '六、下月预测与建议';
  if (o.status === 'not_computed')
    return {
      id: 'outlook',
      heading,
      paragraphs: [[['本数据库尚未计算诉求预测（运行 npm run etl -- analyse 后生成），本节暂无内容。']]],
    };
  if (o.status === 'past_month')
    return {
      id: 'outlook',
      heading,
      paragraphs: [
        [
          [
            month(o.nextMonth, L),
            '已有实际受理数据。预测只对数据截止之后的月份计算',
            ...(o.forecastFrom ? ['（自', month(o.forecastFrom, L), '起）'] : []),
            '，请参阅最新月份的月报。',
          ],
        ],
      ],
    };
  if (o.items.length === 0)
    return {
      id: 'outlook',
      heading,
      paragraphs: [[['预计', month(o.nextMonth, L), '没有类别的诉求量明显高于常月。']]],
    };
  const items = o.items.slice(0, BRIEFING_LIMITS.outlook).map((r): Sentence => {
    const key = `${r.regionCode}:${r.categoryCode}`;
    const [lead] = r.departments;
    return [
      name(outlookRegionName(r, L)),
      name(categoryName({ code: r.categoryCode, zh: r.categoryZh, en: r.categoryEn }, L)),
      '：预计 ',
      plainCount(`outlook.expected:${key}`, r.expected, L),
      ' 件，约为常月（',
      plainCount(`outlook.normal:${key}`, r.normal, L),
      ' 件）的 ',
      decimal(`outlook.rise:${key}`, r.rise, L),
      ' 倍。建议',
      ...(lead ? [name(lead)] : ['相关部门']),
      '在',
      day(r.actBy, L),
      '前提前部署排查。',
    ];
  });
  return {
    id: 'outlook',
    heading,
    paragraphs: [
      [['预计', month(o.nextMonth, L), '以下诉求将明显高于常月，建议未诉先办、提前部署：']],
      ...items.map((s) => [s]),
    ],
  };
}

/** The Chinese text of every section, in the order, with ticket counts as the reader may see them. */
export function briefingTextZh(m: BriefingModel, c: SmallCounts): SectionText[] {
  return [overview(m, c), categories(m, c), districts(m, c), handling(m, c), repeats(m, c), outlook(m)];
}
