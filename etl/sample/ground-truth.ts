import { springFestivalDate } from '../../lib/calendar/china-holidays';
import { categoryByCode } from '../../lib/taxonomy';
import type { SampleOptions } from './generate';
import { LATE_DEPARTMENT } from './handling';
import { BOUNCE_PAIR, FAST_CLOSER, type HandlingQualityPlants } from './handling-quality';
import type { SampleTicket } from './model';
import type { SignalPlan, SignalSite } from './signals';
import type { SampleStats } from './stats';
import { STATED_PEAKS, WAGE_SURGE_DAYS } from './volume';
import type { ChannelFiles, DefectRecord } from './writers/channel-writers';

/** Inputs gathered during generation. */
export interface GroundTruthInput {
  opts: SampleOptions;
  plan: SignalPlan;
  plantedTickets: Map<string, SampleTicket[]>;
  handlingPlants: HandlingQualityPlants;
  stats: SampleStats;
  files: ChannelFiles[];
  defects: DefectRecord[];
  pii: { phone: string[]; idNumber: string[] };
  stormDays: string[];
  districtSource: 'geojson' | 'fallback';
}

const ids = (tickets: SampleTicket[] = []) => tickets.map((t) => t.sourceId);
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

function countBy(tickets: SampleTicket[] = [], key: (t: SampleTicket) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of [...tickets].sort((a, b) => a.received - b.received)) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

const month = (t: SampleTicket) => new Date(t.received).toISOString().slice(0, 7);
const year = (t: SampleTicket) => new Date(t.received).toISOString().slice(0, 4);

function siteTruth(s: SignalSite) {
  return {
    districtCode: s.districtCode,
    townCode: s.townCode,
    center: [round(s.center[0], 6), round(s.center[1], 6)],
    radiusMeters: s.radiusMeters,
    address: s.address,
  };
}

/** The full ground truth written next to the exports (see docs/sample-city.md for every key). */
export function buildGroundTruth(input: GroundTruthInput) {
  const { opts, plan, plantedTickets: planted, stats } = input;
  const fl = planted.get(plan.flooding.label);
  const mk = planted.get(plan.marketNoise.label);
  const em = planted.get(plan.emerging.label);
  const depts = [...stats.departments].filter(([, d]) => d.tickets >= 30);
  const others = depts.filter(([name]) => name !== LATE_DEPARTMENT);
  const late = stats.departments.get(LATE_DEPARTMENT) ?? { tickets: 0, overdue: 0 };
  const sum = (k: 'tickets' | 'overdue') => others.reduce((n, [, d]) => n + d[k], 0);
  const defectCount = (kind: string) => input.defects.filter((d) => d.kind === kind).length;
  const years = [...new Set(stats.dailySeries().map(([d]) => Number(d.slice(0, 4))))];
  const rowsWritten = input.files.reduce((n, c) => n + c.files.reduce((m, f) => m + f.rows, 0), 0);
  return {
    formatVersion: 1,
    generator: {
      seed: opts.seed,
      ticketsRequested: opts.tickets,
      from: opts.from,
      to: opts.to,
      hotlineFormat: opts.hotlineFormat,
      districtBoundaries: input.districtSource,
    },
    timeZone: 'Asia/Shanghai',
    city: { code: '511500', name: '宜宾市' },
    files: input.files,
    counts: {
      ...stats.summary(),
      rowsWritten,
      expectedLoaded: rowsWritten - defectCount('bad_date') - defectCount('duplicate_row'),
    },
    hotspots: {
      persistent: [
        {
          id: plan.flooding.label,
          categoryCode: plan.flooding.categoryCode,
          ...siteTruth(plan.flooding),
          months: plan.flooding.months,
          countByYear: countBy(fl, year),
          ticketIds: ids(fl),
        },
        {
          id: plan.marketNoise.label,
          categoryCode: plan.marketNoise.categoryCode,
          ...siteTruth(plan.marketNoise),
          months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
          countByYear: countBy(mk, year),
          ticketIds: ids(mk),
        },
      ],
      emerging: [
        {
          id: plan.emerging.label,
          categoryCode: plan.emerging.categoryCode,
          ...siteTruth(plan.emerging),
          startMonth: plan.emerging.startMonth,
          growthPerMonth: plan.emerging.growthPerMonth,
          countByMonth: countBy(em, month),
          ticketIds: ids(em),
        },
      ],
    },
    repeatCallers: plan.repeatCallers.map((r) => ({
      id: r.label,
      phone: r.phone,
      categoryCode: r.categoryCode,
      address: r.address,
      ticketIds: ids(planted.get(r.label)),
    })),
    crossChannelDuplicates: plan.duplicates.map((d) => ({
      id: d.label,
      phone: d.phone,
      categoryCode: d.categoryCode,
      channels: ['hotline', d.companionChannel],
      ticketIds: ids(planted.get(d.label)),
    })),
    lateDepartment: {
      name: LATE_DEPARTMENT,
      tickets: late.tickets,
      overdue: late.overdue,
      overdueRate: round(late.overdue / Math.max(1, late.tickets)),
      othersOverdueRate: round(sum('overdue') / Math.max(1, sum('tickets'))),
      note: 'overdue = closed after 办理时限, or still open at the export cut (the day after `to`) past it; departments with 30+ dispatched tickets',
    },
    seasonalPeaks: Object.entries(STATED_PEAKS).map(([code, months]) => ({
      categoryCode: code,
      zh: categoryByCode(code)!.zh,
      peakMonths: months,
      countByMonth: stats.monthly(code),
    })),
    springFestival: {
      dates: years.filter((y) => y >= 2015 && y <= 2035).map((y) => springFestivalDate(y)),
      volumeDip: 'holiday days ×0.32 of a normal workday (other public holidays ×0.55)',
      wageArrears: { categoryCode: '0701', surgeDaysBefore: WAGE_SURGE_DAYS, peakMultiplier: 4.5 },
    },
    stormDays: input.stormDays,
    personalData: {
      phonesInText: input.pii.phone.length,
      idNumbersInText: input.pii.idNumber.length,
      fields: { hotline: '诉求内容', web: '留言详情', app: 'description' },
      phoneTicketIds: input.pii.phone,
      idNumberTicketIds: input.pii.idNumber,
    },
    handlingQuality: {
      bouncePair: {
        categoryCode: BOUNCE_PAIR.categoryCode,
        units: BOUNCE_PAIR.units,
        note: 'hotline tickets of the category re-dispatched 2–4 times and returned, lead one unit of the pair and co-handling the other',
        ticketIds: ids(input.handlingPlants.bounced),
      },
      fastCloser: {
        department: FAST_CLOSER.department,
        note: 'closed 3–25 minutes after dispatch as resolved; most reopened by the same caller at the same place on the same category 4–25 days later',
        fastClosedTicketIds: ids(input.handlingPlants.fastClosed),
        reopens: input.handlingPlants.reopens.map((r) => ({
          closedTicketId: r.closed.sourceId,
          reopenTicketId: r.reopen.sourceId,
        })),
      },
      knownUnits: {
        note: 'every ticket names the unit that finally handled it (承办单位 / 办理单位 / agency_responsible); these categories always go to one utility',
        byCategory: {
          '1001': '宜宾市清源水务集团',
          '1003': '国网宜宾供电公司',
          '1004': '国网宜宾供电公司',
          '1005': '宜宾市天然气公司',
        },
      },
    },
    defects: {
      counts: {
        badDates: defectCount('bad_date'),
        unknownRegions: defectCount('unknown_region'),
        outOfAreaCoordinates: defectCount('out_of_area'),
        duplicateRows: defectCount('duplicate_row'),
      },
      expect: {
        bad_date: 'row rejected (unparseable received time)',
        unknown_region: 'row loaded, region unresolved (county_code NULL), no coordinates',
        out_of_area: 'row loaded, coordinates nulled and counted in load_log.coords_out_of_area',
        duplicate_row: 'the second, identical row rejected as a duplicate',
      },
      items: input.defects,
    },
  };
}

/** The ground-truth document's type. */
export type GroundTruth = ReturnType<typeof buildGroundTruth>;
