import * as echarts from 'echarts';
import { CURRENT_COLOUR, RISE_COLOUR } from '../charts/palette';
import { rankedBarOption } from '../charts/ranked-bar-option';
import { volumeTrendOption } from '../charts/volume-trend-option';
import type { Lang } from '../i18n/codes';
import { CHART_FONT, formatMonth, risingChangeText, ticketCountText } from './format';
import { hotspotMapSvg } from './map-svg';
import type { BriefingModel } from './model';
import { shiftMonth } from './month';
import { isWithheld, type SmallCounts } from './small-counts';
import { categoryName } from './text/names';

/** A chart of the briefing as SVG text, with the size it was drawn at (the Word file places it at that ratio). */
export interface BriefingChart {
  id: 'volume' | 'rising' | 'districts' | 'map';
  title: string;
  svg: string;
  width: number;
  height: number;
}

/**
 * Ranked bars with a fixed label column: ECharts on the server cannot measure text, so `containLabel` under-guesses
 * the width of long (English) category names and they run off the left edge; a set column with names wrapped at
 * spaces stays inside it.
 */
function withLabelColumn(option: echarts.EChartsOption, lang: Lang): echarts.EChartsOption {
  const width = lang === 'en' ? 190 : 110;
  const yAxis = option.yAxis as { data?: string[] };
  return {
    ...option,
    grid: { left: width + 12, right: 120, top: 8, bottom: 8, containLabel: false },
    yAxis: {
      ...yAxis,
      data: (yAxis.data ?? []).map((name) => (lang === 'en' ? wrapWords(name, 22) : name)),
      axisLabel: { width, overflow: 'truncate', lineHeight: 14 },
    },
  };
}

/** Breaks a label at spaces into lines of at most `max` characters (a longer single word stays whole). */
export function wrapWords(text: string, max: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** Renders an ECharts option to SVG on the server (no DOM, no animation). */
export function renderChartSvg(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The three ECharts charts of a briefing (twelve months of appeals, the rising categories, the districts) and the
 * map, with ticket counts in labels as the reader may see them; a withheld month of the trend is a gap.
 */
export function briefingCharts(model: BriefingModel, lang: Lang, counts: SmallCounts): BriefingChart[] {
  const en = lang === 'en';
  const charts: BriefingChart[] = [];
  const volume = volumeTrendOption(model.overview.trend, {
    current: en ? 'Appeals' : '受理诉求',
    lastYear: en ? 'Same month last year' : '上年同月',
    period: (start) =>
      en ? `${formatMonth(start, lang).slice(0, 3)} ${start.slice(2, 4)}` : `${Number(start.slice(5, 7))}月`,
  });
  // Months of last year before the data begin have no appeals to compare: a gap, not a line along zero.
  const series = volume.series as { data: (number | null)[] }[];
  if (series[1])
    series[1].data = model.overview.trend.map((p, i) =>
      shiftMonth(p.period.slice(0, 7), -12) < model.span.firstDay.slice(0, 7)
        ? null
        : (series[1]?.data[i] ?? null),
    );
  for (const s of series) s.data = s.data.map((v) => (v !== null && isWithheld(v, counts) ? null : v));
  charts.push({
    id: 'volume',
    title: en ? 'Appeals per month, last twelve months' : '近十二个月受理诉求量',
    svg: renderChartSvg({ ...volume, tooltip: undefined }, 680, 240),
    width: 680,
    height: 240,
  });
  const rising = model.categories.rising;
  if (rising.length > 0) {
    const option = rankedBarOption(
      rising.map((r) => ({
        key: r.l2,
        name: categoryName({ code: r.l2, zh: r.l2Zh, en: r.l2En }, lang),
        value: r.change,
        note: risingChangeText(r, lang, counts, en ? 'ascii' : 'cjk'),
      })),
      { colour: RISE_COLOUR, valueName: en ? 'More than the month before' : '比上月增加' },
    );
    const height = 40 + rising.length * (lang === 'en' ? 36 : 30);
    charts.push({
      id: 'rising',
      title: en ? 'Categories that rose most on the month before' : '环比上升最多的二级类别',
      svg: renderChartSvg({ ...withLabelColumn(option, lang), tooltip: undefined }, 680, height),
      width: 680,
      height,
    });
  }
  const districts = model.districts.ranked;
  if (districts.length > 0) {
    const option = rankedBarOption(
      districts.map((d) => ({
        key: d.code,
        name: d.name ?? d.code ?? '',
        value: d.tickets,
        note: ticketCountText(d.tickets, lang, counts),
      })),
      { colour: CURRENT_COLOUR, valueName: en ? 'Appeals' : '受理诉求' },
    );
    const height = 30 + districts.length * 26;
    charts.push({
      id: 'districts',
      title: en ? 'Appeals per district' : '各区县受理诉求量',
      svg: renderChartSvg({ ...withLabelColumn(option, lang), tooltip: undefined }, 680, height),
      width: 680,
      height,
    });
  }
  const map = hotspotMapSvg({
    districts: model.districts.boundaries,
    appeals: new Map(districts.map((d) => [d.code ?? '', d.tickets])),
    cells: model.districts.hotspots.available ? model.districts.hotspots.cells : [],
    lang,
    counts,
    width: 500,
  });
  if (map.svg)
    charts.push({
      id: 'map',
      title: en ? "Appeals per district and the month's hotspots" : '各区县诉求分布与本月热点网格',
      ...map,
    });
  return charts;
}
