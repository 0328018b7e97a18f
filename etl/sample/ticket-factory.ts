import type { Position } from '../../lib/geo/geojson';
import type { Category } from '../../lib/taxonomy';
import { assign, handle } from './handling';
import type { AppealType, SampleChannel, SampleTicket } from './model';
import { drawCallerName, drawNickname, drawPhone } from './people';
import type { TownPlaces } from './places';
import type { Rng } from './random';
import { composeContent, composeReply, composeTitle, type SlotValues } from './texts/compose';

const APPEAL_TYPES: AppealType[] = ['投诉', '求助', '咨询', '举报', '建议', '表扬'];
const CONSULTING = new Set(['1204', '1202', '0602', '0702', '0704', '0501']);

function appealTypeFor(category: Category, rng: Rng): AppealType {
  if (category.code === '1206') return '表扬';
  if (CONSULTING.has(category.code) && rng.chance(0.6)) return '咨询';
  return rng.weighted(APPEAL_TYPES.slice(0, 5), [52, 22, 12, 9, 5]);
}

/** What a ticket is about and where; the factory fills in who handles it and how it ends. */
export interface TicketSpec {
  channel: SampleChannel;
  received: number;
  category: Category;
  places: TownPlaces;
  point: Position | null;
  address: string;
  slots: SlotValues;
  phone?: string;
  callerName?: string;
  planted?: string;
}

/** Builds one complete ticket from its spec: text, assignment, timeline and outcome as of `cut`. */
export function makeTicket(spec: TicketSpec, cut: number, rng: Rng): SampleTicket {
  const { category, places, channel } = spec;
  const a = assign(category, places.district.name, places.town.name, rng);
  const outcome = handle(spec.received, category, a, cut, rng);
  return {
    channel,
    sourceId: '',
    received: spec.received,
    appealType: appealTypeFor(category, rng),
    category,
    categoryShown: channel !== 'web' || rng.chance(0.85),
    title: composeTitle(category.code, spec.slots, rng),
    content: composeContent(category.code, channel, spec.slots, rng),
    districtCode: places.district.code,
    districtName: places.district.name,
    townCode: places.town.code,
    townName: places.town.name,
    address: spec.address,
    point: spec.point,
    coordSystem: rng.chance(0.12) ? 'GCJ02' : 'WGS84',
    ...a,
    ...outcome,
    reply: composeReply(a.department, outcome.resolved, rng),
    phone: spec.phone ?? drawPhone(rng),
    callerName: spec.callerName ?? drawCallerName(rng),
    nickname: drawNickname(rng),
    planted: spec.planted,
  };
}
