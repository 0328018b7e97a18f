import type { SampleTicket } from './model';
import type { Rng } from './random';
import { composeReply } from './texts/compose';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The planted unclear responsibility boundary: kitchen fumes (餐饮油烟) tickets bounced between the enforcement
 * bureau and the ecology bureau (ground truth: handlingQuality.bouncePair). Only the hotline layout carries
 * co-handling units and returns, so only hotline tickets are bounced.
 */
export const BOUNCE_PAIR = {
  categoryCode: '0205',
  units: ['市综合行政执法局', '市生态环境局'] as [string, string],
  share: 0.5,
};

/**
 * The planted unit that closes many tickets within minutes as resolved, a large part of which the same caller
 * reports again days later (ground truth: handlingQuality.fastCloser).
 */
export const FAST_CLOSER = { department: '市市场监管局', share: 0.35, reopenShare: 0.75 };

/** Reopens come 4–25 days after the closure: inside the 30-day window, and beyond the 72 h text-duplicate window. */
const REOPEN_DAYS: [number, number] = [4, 25];

const REOPEN_OPENINGS = [
  '上次反映的问题回复说已经解决了，但实际没有任何变化。',
  '此前投诉过，工单显示已办结，问题依旧存在。',
  '之前反映过这个问题，说处理好了，现在还是老样子。',
];

/** What the plant did, for the ground truth (ticket ids are read once the day's ids are assigned). */
export interface HandlingQualityPlants {
  bounced: SampleTicket[];
  fastClosed: SampleTicket[];
  /** Each planted reopen with the fast closure it reopens. */
  reopens: { closed: SampleTicket; reopen: SampleTicket }[];
}

/**
 * Plants the handling-quality signals on one day's tickets with its own random stream (so every other signal and
 * the background stay byte-identical): bounces the pair's category, closes the fast closer's tickets within minutes
 * and schedules their reopens into `scheduled` (keyed by ISO day). Only untouched background tickets are changed.
 */
export function plantHandlingQuality(
  tickets: SampleTicket[],
  scheduled: Map<string, SampleTicket[]>,
  plants: HandlingQualityPlants,
  cut: number,
  rng: Rng,
): void {
  for (const t of tickets) {
    if (t.planted !== undefined || t.defect !== undefined || t.status === 'pending') continue;
    if (
      t.category.code === BOUNCE_PAIR.categoryCode &&
      t.channel === 'hotline' &&
      rng.chance(BOUNCE_PAIR.share)
    ) {
      bounce(t, rng);
      plants.bounced.push(t);
    } else if (
      t.department === FAST_CLOSER.department &&
      t.status === 'closed' &&
      rng.chance(FAST_CLOSER.share)
    ) {
      closeFast(t, rng);
      plants.fastClosed.push(t);
      const clean = !t.pii?.phone && !t.pii?.idNumber && t.categoryShown;
      if (clean && rng.chance(FAST_CLOSER.reopenShare)) {
        const reopen = reopenOf(t, cut, rng);
        if (reopen.received < cut - DAY_MS) {
          const day = new Date(reopen.received).toISOString().slice(0, 10);
          scheduled.set(day, [...(scheduled.get(day) ?? []), reopen]);
          plants.reopens.push({ closed: t, reopen });
        }
      }
    }
  }
}

function bounce(t: SampleTicket, rng: Rng): void {
  const [a, b] = rng.chance(0.5) ? BOUNCE_PAIR.units : [BOUNCE_PAIR.units[1], BOUNCE_PAIR.units[0]];
  t.department = a;
  t.coDepartments = [b];
  t.dispatchCount = rng.weighted([2, 3, 4], [55, 30, 15]);
  t.returned = true;
  t.escalated = rng.chance(0.2);
  t.reply = composeReply(a, t.resolved, rng);
  t.planted = 'bounce-pair';
}

function closeFast(t: SampleTicket, rng: Rng): void {
  const closed = (t.dispatched ?? t.received) + rng.int(3, 25) * MINUTE_MS;
  t.closed = closed;
  t.firstResponse = closed;
  t.resolved = true;
  t.satisfaction = rng.weighted(['满意', '基本满意', null] as const, [55, 20, 25]);
  t.reply = composeReply(t.department, true, rng);
  t.planted = 'fast-closure';
}

/** The same caller, place and problem again, on the hotline, some days after the closure. */
function reopenOf(t: SampleTicket, cut: number, rng: Rng): SampleTicket {
  const received =
    t.closed! + rng.int(REOPEN_DAYS[0], REOPEN_DAYS[1]) * DAY_MS + rng.int(0, 10 * 60) * MINUTE_MS;
  const due = received + t.category.dueDays * DAY_MS;
  const dispatched = received + rng.int(20, 90) * MINUTE_MS;
  const closesAt = dispatched + rng.int(2, Math.max(3, t.category.dueDays - 1)) * DAY_MS;
  const open = closesAt > cut;
  const firstResponse = Math.min(closesAt, dispatched + rng.int(1, 8) * 3_600_000);
  const resolved = open ? null : rng.chance(0.7);
  return {
    ...t,
    channel: 'hotline',
    sourceId: '',
    received,
    appealType: '投诉',
    categoryShown: true,
    content: `${rng.pick(REOPEN_OPENINGS)}${t.content}`,
    coordSystem: 'WGS84',
    coDepartments: [],
    dispatchCount: 1,
    returned: false,
    escalated: rng.chance(0.3),
    dispatched,
    firstResponse: firstResponse > cut ? null : firstResponse,
    due,
    closed: open ? null : closesAt,
    status: open ? 'in_progress' : 'closed',
    resolved,
    satisfaction: open ? null : rng.weighted(['满意', '基本满意', '不满意', null] as const, [20, 25, 35, 20]),
    reply: composeReply(t.department, resolved, rng),
    planted: 'reopen',
    defect: undefined,
    pii: undefined,
  };
}
