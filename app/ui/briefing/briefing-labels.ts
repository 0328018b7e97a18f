import type { Lang, Text } from '@/lib/i18n/codes';

/** The briefing's fixed words (titles, table headers) in both languages; generated text is in lib/briefing/text. */
export const BRIEFING_LABELS = {
  title: { zh: '热线诉求月度分析报告', en: 'Monthly hotline briefing' },
  dataSpan: { zh: '数据范围', en: 'Data' },
  generated: { zh: '生成时间', en: 'Generated' },
  kpi: { zh: '指标', en: 'Indicator' },
  thisMonth: { zh: '本月', en: 'This month' },
  mom: { zh: '环比', en: 'On the month before' },
  yoy: { zh: '同比', en: 'On last year' },
  channel: { zh: '渠道', en: 'Channel' },
  appeals: { zh: '件数', en: 'Appeals' },
  share: { zh: '占比', en: 'Share' },
  category: { zh: '二级类别', en: 'Category' },
  previous: { zh: '上月', en: 'Month before' },
  change: { zh: '增加', en: 'Change' },
  district: { zh: '区县', en: 'District' },
  population: { zh: '常住人口', en: 'Population' },
  per10k: { zh: '每万人诉求', en: 'Per 10,000 residents' },
  rank: { zh: '排名', en: 'Rank' },
  department: { zh: '承办部门', en: 'Department' },
  score: { zh: '综合得分', en: 'Score' },
  onTime: { zh: '按期办结率', en: 'On time' },
  satisfaction: { zh: '满意率', en: 'Satisfaction' },
  place: { zh: '地点', en: 'Place' },
  earlierMonths: { zh: '此前出现月数', en: 'Earlier months' },
  region: { zh: '区域', en: 'Area' },
  expected: { zh: '预计件数', en: 'Expected' },
  normal: { zh: '常月件数', en: 'Normal month' },
  rise: { zh: '倍数', en: 'Times normal' },
  actBy: { zh: '建议部署时间', en: 'Act by' },
  topDepartments: { zh: '综合得分前列与末位的部门', en: 'Departments at the top and bottom of the score' },
  recurringPlaces: {
    zh: '反复出现诉求的地点（本月至少两件，且此前五个月中至少两个月有诉求）',
    en: 'Places that keep coming back (two or more appeals this month, and appeals in at least two of the five months before)',
  },
  forecastItems: { zh: '下月预计明显增多的诉求', en: 'Appeals expected to rise next month' },
  notes: {
    zh: '口径：环比、同比及各项比率与总览页相同（受理时间所在月份）；比率的变化以百分点表示。综合得分按复杂度加权（部门考评页）。',
    en: 'Definitions: month-on-month, year-on-year and every rate as on the overview (by month received); changes of rates are in percentage points. The department score is complexity-weighted (Departments view).',
  },
  noData: { zh: '该月没有数据', en: 'No data for this month' },
  download: { zh: '下载', en: 'Download' },
  month: { zh: '月份', en: 'Month' },
  open: { zh: '打开', en: 'Open' },
  print: { zh: '打印', en: 'Print' },
} satisfies Record<string, Text>;

export function label(key: keyof typeof BRIEFING_LABELS, lang: Lang): string {
  return BRIEFING_LABELS[key][lang];
}
