import type { Rng } from '../random';
import { PHRASES_A } from './phrases-a';
import { PHRASES_B } from './phrases-b';
import { HOSPITALS, RESTAURANTS, SCHOOLS, SHOPS, WHEN } from './slots';
import type { CategoryPhrases } from './types';

const PHRASES: Record<string, CategoryPhrases> = { ...PHRASES_A, ...PHRASES_B };

/** Values for one ticket's slots; `place` is the landmark the appeal is about. */
export interface SlotValues {
  place: string;
  road: string;
  road2: string;
  estate: string;
  village: string;
}

/** The phrase set of a second-level category; throws for a code without one. */
export function phrasesFor(code: string): CategoryPhrases {
  const p = PHRASES[code];
  if (!p) throw new Error(`no phrases for category ${code}`);
  return p;
}

/** Fills {slot} markers from `slots`, drawing numbers, shops, schools and hospitals as it goes. */
export function fill(template: string, slots: SlotValues, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'n':
        return String(rng.int(2, 9));
      case 'hour':
        return String(rng.pick([10, 11, 12, 23, 1, 2]));
      case 'unit':
        return `${rng.int(1, 20)}栋${rng.int(1, 4)}单元`;
      case 'shop':
        return rng.pick(SHOPS);
      case 'restaurant':
        return rng.pick(RESTAURANTS);
      case 'school':
        return rng.pick(SCHOOLS);
      case 'hospital':
        return rng.pick(HOSPITALS);
      case 'when':
        return rng.pick(WHEN);
      default:
        return (slots as unknown as Record<string, string>)[key] ?? key;
    }
  });
}

const HOTLINE_OPEN = ['市民来电反映：', '来电人反映，', '市民来电称，', '来电人表示，', '市民来电反映，', ''];
const WEB_OPEN = [
  '您好！',
  '尊敬的领导：',
  '领导您好，',
  '我是{estate}的居民，',
  '我是住在{road}附近的市民，',
  '',
];
const SINCE = ['近期', '最近{n}天', '从上周开始', '这段时间', '一直以来', '', '', '近一个月来'];
const TONE = [
  '此前已多次反映，问题仍未解决，',
  '严重影响周边居民正常生活，',
  '已向社区反映过但没有结果，',
  '来电人情绪激动，',
  '',
  '',
  '',
  '存在安全隐患，',
  '群众意见很大，',
];
const WEB_CLOSE = ['，谢谢！', '，盼复。', '。', '，麻烦尽快处理，谢谢。', '！'];

/** A title as the operator or citizen would write it. */
export function composeTitle(code: string, slots: SlotValues, rng: Rng): string {
  return fill(rng.pick(phrasesFor(code).titles), slots, rng);
}

/**
 * The free-text body for one channel: hotline operators write third person (市民来电反映…), web posts are first
 * person with greetings, app descriptions are short. Sentence frames × slot pools × tone give variation.
 */
export function composeContent(
  code: string,
  channel: 'hotline' | 'web' | 'app',
  slots: SlotValues,
  rng: Rng,
): string {
  const p = phrasesFor(code);
  const issue = fill(rng.pick(p.issues), slots, rng);
  const demand = fill(rng.pick(p.demands), slots, rng);
  const since = fill(rng.pick(SINCE), slots, rng);
  if (channel === 'app') return `${issue}。${rng.chance(0.5) ? `${demand}。` : ''}`;
  const tone = rng.pick(TONE);
  if (channel === 'hotline') {
    const callback = rng.chance(0.3) ? '来电人要求回电。' : '';
    return `${rng.pick(HOTLINE_OPEN)}${since}${issue}，${tone}${demand}。${callback}`;
  }
  return `${fill(rng.pick(WEB_OPEN), slots, rng)}${since}${issue}，${tone}${demand}${rng.pick(WEB_CLOSE)}`;
}

const REPLY_RESOLVED = [
  '经{dept}核实，已安排工作人员到现场处理，问题已解决，并已回复市民。',
  '{dept}接件后立即组织人员核查，已督促责任单位整改到位。',
  '经{dept}调查，情况属实，已依法处理，市民对处理结果表示认可。',
  '{dept}已向市民详细解释相关政策，市民表示理解。',
];
const REPLY_UNRESOLVED = [
  '经{dept}核实，该问题涉及历史遗留问题，需多部门协调解决，已纳入下一步工作计划。',
  '{dept}已与市民联系，因诉求超出政策规定，暂无法满足，已做好解释工作。',
  '经{dept}现场查看，暂未发现反映的情况，将持续关注。',
];

/** The department's reply text (答复内容), empty while the appeal is open. */
export function composeReply(dept: string, resolved: boolean | null, rng: Rng): string {
  if (resolved === null) return '';
  return rng.pick(resolved ? REPLY_RESOLVED : REPLY_UNRESOLVED).replace('{dept}', dept);
}
