import { addDays, addMonths, type DateRange, monthEnd, sameRangeLastYear } from '@/lib/filters/periods';
import type { Text } from '../i18n/lang';

/** A quick date range; "today" is the last day with data, so presets never open on an empty month. */
export interface DatePreset {
  id: string;
  text: Text;
  range: (lastDay: string, current: DateRange) => DateRange;
}

export const DATE_PRESETS: DatePreset[] = [
  {
    id: 'this-month',
    text: { zh: '本月', en: 'This month' },
    range: (lastDay) => ({ from: `${lastDay.slice(0, 7)}-01`, to: lastDay }),
  },
  {
    id: 'last-month',
    text: { zh: '上月', en: 'Last month' },
    range: (lastDay) => {
      const from = addMonths(`${lastDay.slice(0, 7)}-01`, -1);
      return { from, to: monthEnd(from) };
    },
  },
  {
    id: 'last-90-days',
    text: { zh: '近90天', en: 'Last 90 days' },
    range: (lastDay) => ({ from: addDays(lastDay, -89), to: lastDay }),
  },
  {
    id: 'this-year',
    text: { zh: '今年', en: 'This year' },
    range: (lastDay) => ({ from: `${lastDay.slice(0, 4)}-01-01`, to: lastDay }),
  },
  {
    id: 'same-period-last-year',
    text: { zh: '去年同期', en: 'Same period last year' },
    range: (_lastDay, current) => sameRangeLastYear(current),
  },
];
