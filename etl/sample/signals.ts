import type { Position } from '../../lib/geo/geojson';
import { categoryByCode } from '../../lib/taxonomy';
import { type CityContext, drawPlace, drawTime } from './background';
import { townByName } from './geography';
import { drawCallerName, drawPhone } from './people';
import { offsetMeters, pointNear, type TownPlaces } from './places';
import type { Rng } from './random';
import type { TicketSpec } from './ticket-factory';

const DAY_MS = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A fixed place a signal repeats at. */
export interface SignalSite {
  districtCode: string;
  townCode: string;
  center: Position;
  radiusMeters: number;
  address: string;
}

/** The parameters of every planted signal; ground-truth.json repeats them with the ticket ids. */
export interface SignalPlan {
  flooding: SignalSite & { label: string; categoryCode: string; months: number[]; rainDayChance: number };
  marketNoise: SignalSite & { label: string; categoryCode: string; dailyChance: number };
  emerging: SignalSite & {
    label: string;
    categoryCode: string;
    startMonth: string;
    growthPerMonth: number;
    firstMonthCount: number;
  };
  repeatCallers: { label: string; phone: string; categoryCode: string; address: string; times: number }[];
  duplicates: { label: string; phone: string; categoryCode: string; companionChannel: 'web' | 'app' }[];
  /** Planned specs by ISO day. */
  byDay: Map<string, TicketSpec[]>;
}

function site(
  ctx: CityContext,
  district: string,
  town: string,
  dx: number,
  dy: number,
  radius: number,
  address: string,
) {
  const t = townByName(district, town);
  const tp = ctx.places.get(t.code)!;
  const candidate = offsetMeters(tp.anchor, dx, dy);
  const inside = ctx.areas.byCode.get(district)!.contains(candidate[0], candidate[1]);
  return {
    tp,
    s: {
      districtCode: district,
      townCode: t.code,
      center: inside ? candidate : tp.anchor,
      radiusMeters: radius,
      address,
    },
  };
}

function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/**
 * Plans the planted signals over [fromMs, toMs] (day starts, inclusive): a street that floods each rainy season,
 * a market with year-round noise, a construction site whose complaints start at 65 % of the range and grow each
 * month, 20 repeat callers and 50 appeals submitted twice (hotline, then web or app within a day).
 */
export function planSignals(ctx: CityContext, fromMs: number, toMs: number, rng: Rng): SignalPlan {
  const byDay = new Map<string, TicketSpec[]>();
  const add = (spec: TicketSpec) => {
    if (spec.received >= ctx.cut || spec.received < fromMs) return;
    const key = isoOf(spec.received);
    byDay.set(key, [...(byDay.get(key) ?? []), spec]);
  };
  const spot = (
    tp: TownPlaces,
    s: SignalSite,
    code: string,
    label: string,
    dayMs: number,
    place: string,
    channel: TicketSpec['channel'] = 'hotline',
  ): TicketSpec => {
    const point = pointNear(s.center, s.radiusMeters / 2, s.districtCode, ctx.areas, rng);
    const road = tp.roads[0]!;
    const slots = { place, road, road2: tp.roads[1]!, estate: tp.estates[0]!, village: tp.villages[0]! };
    return {
      channel,
      received: drawTime(dayMs, channel, rng),
      category: categoryByCode(code)!,
      places: tp,
      point,
      address: s.address,
      slots,
      planted: label,
    };
  };

  const fl = site(ctx, '511502', '合江门街道', 250, -150, 100, '翠屏区合江门街道滨江路与民主街交叉口');
  const flooding = {
    ...fl.s,
    label: 'flooding',
    categoryCode: '0104',
    months: [6, 7, 8, 9],
    rainDayChance: 0.35,
  };
  const mk = site(ctx, '511502', '大观楼街道', -300, 200, 80, '翠屏区大观楼街道大观楼农贸市场');
  const marketNoise = { ...mk.s, label: 'market-noise', categoryCode: '0202', dailyChance: 0.3 };
  const startMs = monthStart(fromMs + (toMs - fromMs) * 0.65);
  const em = site(ctx, '511504', '南岸街道', 400, 300, 120, '叙州区南岸街道长江大道某在建楼盘工地');
  const emerging = {
    ...em.s,
    label: 'emerging-construction',
    categoryCode: '0201',
    startMonth: isoOf(startMs).slice(0, 7),
    growthPerMonth: 1.25,
    firstMonthCount: 3,
  };

  for (let day = fromMs; day <= toMs; day += DAY_MS) {
    const month = new Date(day).getUTCMonth() + 1;
    if (flooding.months.includes(month) && rng.chance(flooding.rainDayChance)) {
      for (let i = rng.int(1, 3); i > 0; i--)
        add(
          spot(fl.tp, flooding, '0104', flooding.label, day, '滨江路', rng.chance(0.8) ? 'hotline' : 'app'),
        );
    }
    if (rng.chance(marketNoise.dailyChance))
      add(
        spot(
          mk.tp,
          marketNoise,
          '0202',
          marketNoise.label,
          day,
          '大观楼农贸',
          rng.chance(0.7) ? 'hotline' : 'web',
        ),
      );
  }
  for (let m = startMs, k = 0; m <= toMs; k++) {
    const count = Math.round(emerging.firstMonthCount * emerging.growthPerMonth ** k);
    const next = Date.UTC(new Date(m).getUTCFullYear(), new Date(m).getUTCMonth() + 1, 1);
    const days = Math.round((Math.min(next, toMs + DAY_MS) - m) / DAY_MS);
    for (let i = 0; i < count; i++)
      add(
        spot(em.tp, emerging, '0201', emerging.label, m + rng.int(0, days - 1) * DAY_MS, '长江大道在建工地'),
      );
    m = next;
  }

  const span = Math.round((toMs - fromMs) / DAY_MS);
  const repeatCallers: SignalPlan['repeatCallers'] = [];
  const REPEAT_CODES = ['0202', '0205', '0106', '0401', '0403', '1001', '0304', '0102'];
  for (let i = 0; i < 20; i++) {
    const where = drawPlace(ctx, rng);
    const phone = drawPhone(rng);
    const callerName = drawCallerName(rng);
    const code = rng.pick(REPEAT_CODES);
    const times = rng.int(3, 8);
    const label = `repeat:${i + 1}`;
    repeatCallers.push({ label, phone, categoryCode: code, address: where.address, times });
    const first = fromMs + rng.int(0, Math.max(0, span - times * 20)) * DAY_MS;
    for (let k = 0, day = first; k < times; k++, day += rng.int(8, 20) * DAY_MS) {
      const spec = {
        channel: 'hotline' as const,
        received: drawTime(day, 'hotline', rng),
        category: categoryByCode(code)!,
        places: where.tp,
        point: where.point,
        address: where.address,
        slots: where.slots,
        phone,
        callerName,
        planted: label,
      };
      add(spec);
    }
  }
  const duplicates: SignalPlan['duplicates'] = [];
  for (let i = 0; i < 50; i++) {
    const where = drawPlace(ctx, rng);
    const phone = drawPhone(rng);
    const category = rng.pick(ctx.categories);
    const companionChannel = rng.chance(0.5) ? 'web' : 'app';
    const label = `duplicate:${i + 1}`;
    duplicates.push({ label, phone, categoryCode: category.code, companionChannel });
    const dayIndex = rng.int(0, Math.max(0, span - 2));
    const first = drawTime(fromMs + dayIndex * DAY_MS, 'hotline', rng);
    const base = {
      category,
      places: where.tp,
      point: where.point,
      address: where.address,
      slots: where.slots,
      phone,
      callerName: drawCallerName(rng),
      planted: label,
    };
    add({ ...base, channel: 'hotline', received: first });
    add({ ...base, channel: companionChannel, received: first + rng.int(20, 20 * 60) * 60_000 });
  }
  return { flooding, marketNoise, emerging, repeatCallers, duplicates, byDay };
}
