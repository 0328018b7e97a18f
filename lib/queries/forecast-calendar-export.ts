import { csvLine, UTF8_BOM } from '../export/csv';
import { type SheetColumn, type SheetValue, writeXlsx } from '../export/xlsx';
import type { Lang, Text } from '../i18n/codes';
import type { ProactiveCalendarRow } from './forecast-calendar';

export const CALENDAR_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type CalendarExportFormat = (typeof CALENDAR_EXPORT_FORMATS)[number];

interface CalendarColumn extends Omit<SheetColumn, 'header'> {
  header: Text;
  value: (row: ProactiveCalendarRow, lang: Lang) => SheetValue;
}

const name = (zh: string | null, en: string | null, lang: Lang) => (lang === 'en' ? (en ?? zh) : zh);
const round1 = (v: number) => Math.round(v * 10) / 10;

const COLUMNS: CalendarColumn[] = [
  { header: { zh: '月份', en: 'Month' }, width: 10, kind: 'text', value: (r) => r.month.slice(0, 7) },
  {
    header: { zh: '地区', en: 'Area' },
    width: 12,
    kind: 'text',
    value: (r, lang) => (r.regionLevel === 'city' ? (lang === 'en' ? 'Whole city' : '全市') : r.regionName),
  },
  { header: { zh: '区县代码', en: 'Area code' }, width: 10, kind: 'text', value: (r) => r.regionCode },
  {
    header: { zh: '一级分类', en: 'Category' },
    width: 14,
    kind: 'text',
    value: (r, lang) => name(r.categoryL1Zh, r.categoryL1En, lang),
  },
  {
    header: { zh: '二级分类', en: 'Subcategory' },
    width: 16,
    kind: 'text',
    value: (r, lang) => name(r.categoryZh, r.categoryEn, lang),
  },
  { header: { zh: '分类代码', en: 'Category code' }, width: 10, kind: 'text', value: (r) => r.categoryCode },
  {
    header: { zh: '预计诉求量', en: 'Expected appeals' },
    width: 12,
    kind: 'number',
    value: (r) => round1(r.expected),
  },
  {
    header: { zh: '预计上限(80%)', en: 'Expected, upper 80%' },
    width: 14,
    kind: 'number',
    value: (r) => round1(r.expectedHi80),
  },
  {
    header: { zh: '常态月均', en: 'Normal month' },
    width: 10,
    kind: 'number',
    value: (r) => round1(r.normal),
  },
  {
    header: { zh: '倍数', en: 'Times normal' },
    width: 8,
    kind: 'number',
    value: (r) => Math.round(r.rise * 100) / 100,
  },
  { header: { zh: '上升开始', en: 'Rise starts' }, width: 12, kind: 'text', value: (r) => r.riseStart },
  {
    header: { zh: '距上升天数', en: 'Days until the rise' },
    width: 10,
    kind: 'number',
    value: (r) => r.leadDays,
  },
  { header: { zh: '建议准备日期', en: 'Act by' }, width: 12, kind: 'text', value: (r) => r.actBy },
  {
    header: { zh: '通常承办部门', en: 'Usual departments' },
    width: 36,
    kind: 'text',
    value: (r) => r.departments.join('、'),
  },
];

/** The calendar as a CSV or XLSX file, headers in the export's language. */
export async function calendarFile(
  rows: readonly ProactiveCalendarRow[],
  format: CalendarExportFormat,
  lang: Lang,
): Promise<{ body: Blob; contentType: string; fileName: string; asciiFileName: string }> {
  const values = rows.map((r) => COLUMNS.map((c) => c.value(r, lang)));
  const base = lang === 'en' ? 'proactive-calendar' : '未诉先办日历';
  if (format === 'csv') {
    const text =
      UTF8_BOM + csvLine(COLUMNS.map((c) => c.header[lang])) + values.map((v) => csvLine(v)).join('');
    return {
      body: new Blob([text], { type: 'text/csv; charset=utf-8' }),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${base}.csv`,
      asciiFileName: 'proactive-calendar.csv',
    };
  }
  const { bytes } = await writeXlsx(
    lang === 'en' ? 'Calendar' : '未诉先办',
    COLUMNS.map((c) => ({ header: c.header[lang], width: c.width, kind: c.kind })),
    (async function* () {
      yield values;
    })(),
  );
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return {
    body: new Blob([new Uint8Array(bytes)], { type }),
    contentType: type,
    fileName: `${base}.xlsx`,
    asciiFileName: 'proactive-calendar.xlsx',
  };
}
