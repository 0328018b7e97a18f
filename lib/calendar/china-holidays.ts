/**
 * Public holidays of mainland China, 2015–2035, as days off (放假) and the weekend days worked in exchange (调休上班).
 *
 * Sources: 2015–2026 are the State Council General Office notices on holiday arrangements (国务院办公厅关于<年>部分
 * 节假日安排的通知, published each autumn for the following year, e.g. 国办发明电〔2024〕12号 for 2025 and
 * 国办发明电〔2025〕7号 for 2026; 2020's Spring Festival includes the extension to 2 February of 国办发明电〔2020〕1号;
 * 2015 includes the 3 September Victory Day holiday). 2027–2035 are not published yet: they are DERIVED from the
 * lunar calendar (Spring Festival, Dragon Boat, Mid-Autumn) and the rules of the 2024 revision of the national
 * holiday regulation (全国年节及纪念日放假办法: Spring Festival from New Year's Eve, 8 days; Labour Day 5 days;
 * National Day 7 days; one-day festivals joined to the adjacent weekend), with no make-up workdays; those rows carry
 * `official: false`.
 */
export interface HolidayPeriod {
  /** Chinese name as the notices write it. */
  zh: string;
  en: string;
  /** First and last day off, ISO dates (inclusive). */
  start: string;
  end: string;
  /** Weekend days that are working days in exchange (调休上班). */
  workdays: readonly string[];
  /** True when taken from a published State Council notice; false when derived. */
  official: boolean;
}

type Row = [zh: string, start: string, end: string, workdays?: string[]];

const EN: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
  中秋节国庆节: 'Mid-Autumn Festival and National Day',
  抗战胜利纪念日: 'Victory Day',
};

const OFFICIAL: Row[] = [
  ['元旦', '2015-01-01', '2015-01-03', ['2015-01-04']],
  ['春节', '2015-02-18', '2015-02-24', ['2015-02-15', '2015-02-28']],
  ['清明节', '2015-04-04', '2015-04-06'],
  ['劳动节', '2015-05-01', '2015-05-03'],
  ['端午节', '2015-06-20', '2015-06-22'],
  ['抗战胜利纪念日', '2015-09-03', '2015-09-05', ['2015-09-06']],
  ['中秋节', '2015-09-26', '2015-09-27'],
  ['国庆节', '2015-10-01', '2015-10-07', ['2015-10-10']],
  ['元旦', '2016-01-01', '2016-01-03'],
  ['春节', '2016-02-07', '2016-02-13', ['2016-02-06', '2016-02-14']],
  ['清明节', '2016-04-02', '2016-04-04'],
  ['劳动节', '2016-04-30', '2016-05-02'],
  ['端午节', '2016-06-09', '2016-06-11', ['2016-06-12']],
  ['中秋节', '2016-09-15', '2016-09-17', ['2016-09-18']],
  ['国庆节', '2016-10-01', '2016-10-07', ['2016-10-08', '2016-10-09']],
  ['元旦', '2016-12-31', '2017-01-02'],
  ['春节', '2017-01-27', '2017-02-02', ['2017-01-22', '2017-02-04']],
  ['清明节', '2017-04-02', '2017-04-04', ['2017-04-01']],
  ['劳动节', '2017-04-29', '2017-05-01'],
  ['端午节', '2017-05-28', '2017-05-30', ['2017-05-27']],
  ['中秋节国庆节', '2017-10-01', '2017-10-08', ['2017-09-30']],
  ['元旦', '2017-12-30', '2018-01-01'],
  ['春节', '2018-02-15', '2018-02-21', ['2018-02-11', '2018-02-24']],
  ['清明节', '2018-04-05', '2018-04-07', ['2018-04-08']],
  ['劳动节', '2018-04-29', '2018-05-01', ['2018-04-28']],
  ['端午节', '2018-06-16', '2018-06-18'],
  ['中秋节', '2018-09-22', '2018-09-24'],
  ['国庆节', '2018-10-01', '2018-10-07', ['2018-09-29', '2018-09-30']],
  ['元旦', '2018-12-30', '2019-01-01', ['2018-12-29']],
  ['春节', '2019-02-04', '2019-02-10', ['2019-02-02', '2019-02-03']],
  ['清明节', '2019-04-05', '2019-04-07'],
  ['劳动节', '2019-05-01', '2019-05-04', ['2019-04-28', '2019-05-05']],
  ['端午节', '2019-06-07', '2019-06-09'],
  ['中秋节', '2019-09-13', '2019-09-15'],
  ['国庆节', '2019-10-01', '2019-10-07', ['2019-09-29', '2019-10-12']],
  ['元旦', '2020-01-01', '2020-01-01'],
  ['春节', '2020-01-24', '2020-02-02', ['2020-01-19']],
  ['清明节', '2020-04-04', '2020-04-06'],
  ['劳动节', '2020-05-01', '2020-05-05', ['2020-04-26', '2020-05-09']],
  ['端午节', '2020-06-25', '2020-06-27', ['2020-06-28']],
  ['中秋节国庆节', '2020-10-01', '2020-10-08', ['2020-09-27', '2020-10-10']],
  ['元旦', '2021-01-01', '2021-01-03'],
  ['春节', '2021-02-11', '2021-02-17', ['2021-02-07', '2021-02-20']],
  ['清明节', '2021-04-03', '2021-04-05'],
  ['劳动节', '2021-05-01', '2021-05-05', ['2021-04-25', '2021-05-08']],
  ['端午节', '2021-06-12', '2021-06-14'],
  ['中秋节', '2021-09-19', '2021-09-21', ['2021-09-18']],
  ['国庆节', '2021-10-01', '2021-10-07', ['2021-09-26', '2021-10-09']],
  ['元旦', '2022-01-01', '2022-01-03'],
  ['春节', '2022-01-31', '2022-02-06', ['2022-01-29', '2022-01-30']],
  ['清明节', '2022-04-03', '2022-04-05', ['2022-04-02']],
  ['劳动节', '2022-04-30', '2022-05-04', ['2022-04-24', '2022-05-07']],
  ['端午节', '2022-06-03', '2022-06-05'],
  ['中秋节', '2022-09-10', '2022-09-12'],
  ['国庆节', '2022-10-01', '2022-10-07', ['2022-10-08', '2022-10-09']],
  ['元旦', '2022-12-31', '2023-01-02'],
  ['春节', '2023-01-21', '2023-01-27', ['2023-01-28', '2023-01-29']],
  ['清明节', '2023-04-05', '2023-04-05'],
  ['劳动节', '2023-04-29', '2023-05-03', ['2023-04-23', '2023-05-06']],
  ['端午节', '2023-06-22', '2023-06-24', ['2023-06-25']],
  ['中秋节国庆节', '2023-09-29', '2023-10-06', ['2023-10-07', '2023-10-08']],
  ['元旦', '2023-12-30', '2024-01-01'],
  ['春节', '2024-02-10', '2024-02-17', ['2024-02-04', '2024-02-18']],
  ['清明节', '2024-04-04', '2024-04-06', ['2024-04-07']],
  ['劳动节', '2024-05-01', '2024-05-05', ['2024-04-28', '2024-05-11']],
  ['端午节', '2024-06-08', '2024-06-10'],
  ['中秋节', '2024-09-15', '2024-09-17', ['2024-09-14']],
  ['国庆节', '2024-10-01', '2024-10-07', ['2024-09-29', '2024-10-12']],
  ['元旦', '2025-01-01', '2025-01-01'],
  ['春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
  ['清明节', '2025-04-04', '2025-04-06'],
  ['劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']],
  ['端午节', '2025-05-31', '2025-06-02'],
  ['中秋节国庆节', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
  ['元旦', '2026-01-01', '2026-01-03', ['2026-01-04']],
  ['春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
  ['清明节', '2026-04-04', '2026-04-06'],
  ['劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']],
  ['端午节', '2026-06-19', '2026-06-21'],
  ['中秋节', '2026-09-25', '2026-09-27'],
  ['国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
];

/** First day of the lunar year (正月初一), exact, 2015–2035. */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

/** Lunar-calendar festival dates (端午 五月初五, 中秋 八月十五) and 清明 for the derived years 2027–2035. */
const DERIVED_DATES: Record<number, { qingming: string; dragonBoat: string; midAutumn: string }> = {
  2027: { qingming: '2027-04-05', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' },
  2028: { qingming: '2028-04-04', dragonBoat: '2028-05-28', midAutumn: '2028-10-03' },
  2029: { qingming: '2029-04-04', dragonBoat: '2029-06-16', midAutumn: '2029-09-22' },
  2030: { qingming: '2030-04-05', dragonBoat: '2030-06-05', midAutumn: '2030-09-12' },
  2031: { qingming: '2031-04-05', dragonBoat: '2031-06-24', midAutumn: '2031-10-01' },
  2032: { qingming: '2032-04-04', dragonBoat: '2032-06-12', midAutumn: '2032-09-19' },
  2033: { qingming: '2033-04-04', dragonBoat: '2033-06-01', midAutumn: '2033-09-08' },
  2034: { qingming: '2034-04-05', dragonBoat: '2034-06-20', midAutumn: '2034-09-27' },
  2035: { qingming: '2035-04-05', dragonBoat: '2035-06-10', midAutumn: '2035-09-16' },
};

const DAY_MS = 86_400_000;
const toMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso: string, n: number): string => toIso(toMs(iso) + n * DAY_MS);
const weekday = (iso: string): number => new Date(toMs(iso)).getUTCDay();

function bridgeWeekend(zh: string, day: string): Row {
  const wd = weekday(day);
  if (wd === 5) return [zh, day, addDays(day, 2)];
  if (wd === 1) return [zh, addDays(day, -2), day];
  if (wd === 6 || wd === 0) return [zh, wd === 6 ? day : addDays(day, -1), wd === 6 ? addDays(day, 1) : day];
  return [zh, day, day];
}

function derivedYear(year: number): Row[] {
  const d = DERIVED_DATES[year]!;
  const eve = addDays(SPRING_FESTIVAL[year]!, -1);
  const rows: Row[] = [
    bridgeWeekend('元旦', `${year}-01-01`),
    ['春节', eve, addDays(eve, 7)],
    bridgeWeekend('清明节', d.qingming),
    ['劳动节', `${year}-05-01`, `${year}-05-05`],
    bridgeWeekend('端午节', d.dragonBoat),
  ];
  if (d.midAutumn >= `${year}-09-30` && d.midAutumn <= `${year}-10-08`) {
    rows.push(['中秋节国庆节', `${year}-10-01`, `${year}-10-08`]);
  } else {
    rows.push(bridgeWeekend('中秋节', d.midAutumn), ['国庆节', `${year}-10-01`, `${year}-10-07`]);
  }
  return rows;
}

const toPeriod = ([zh, start, end, workdays = []]: Row, official: boolean): HolidayPeriod => ({
  zh,
  en: EN[zh] ?? zh,
  start,
  end,
  workdays,
  official,
});

/** Every holiday period 2015–2035 in date order; official ones first-hand, later years derived (official: false). */
export const HOLIDAY_PERIODS: readonly HolidayPeriod[] = [
  ...OFFICIAL.map((row) => toPeriod(row, true)),
  ...Object.keys(DERIVED_DATES).flatMap((y) => derivedYear(Number(y)).map((row) => toPeriod(row, false))),
];

const OFF_DAYS = new Map<string, HolidayPeriod>();
const WORK_DAYS = new Set<string>();
for (const p of HOLIDAY_PERIODS) {
  for (let d = p.start; d <= p.end; d = addDays(d, 1)) OFF_DAYS.set(d, p);
  for (const w of p.workdays) WORK_DAYS.add(w);
}

/** How a calendar day is kept: a public holiday, a weekend, a make-up working weekend day, or a plain workday. */
export type DayKind = 'holiday' | 'weekend' | 'adjusted_workday' | 'workday';

/** Classifies an ISO date (YYYY-MM-DD). Outside 2015–2035 only weekends are known. */
export function dayKind(isoDate: string): DayKind {
  if (OFF_DAYS.has(isoDate)) return 'holiday';
  if (WORK_DAYS.has(isoDate)) return 'adjusted_workday';
  const wd = weekday(isoDate);
  return wd === 0 || wd === 6 ? 'weekend' : 'workday';
}

/** The holiday period an ISO date falls in, or null. */
export function holidayOn(isoDate: string): HolidayPeriod | null {
  return OFF_DAYS.get(isoDate) ?? null;
}

/** 正月初一 of `year` as an ISO date; throws outside 2015–2035. */
export function springFestivalDate(year: number): string {
  const date = SPRING_FESTIVAL[year];
  if (!date) throw new RangeError(`Spring Festival date not tabulated for ${year}`);
  return date;
}
