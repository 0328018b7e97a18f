import type { Rng } from './random';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '罗',
  '邓',
  '何',
  '曾',
  '谢',
  '唐',
  '冯',
  '蒋',
];
const PREFIXES = [
  '139',
  '138',
  '137',
  '136',
  '135',
  '158',
  '159',
  '182',
  '187',
  '188',
  '150',
  '151',
  '133',
  '153',
  '180',
  '189',
  '177',
  '199',
];

/** A mainland mobile number (11 digits). */
export function drawPhone(rng: Rng): string {
  return rng.pick(PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** How hotline systems record a caller: surname + 先生/女士 (the full name is rarely taken). */
export function drawCallerName(rng: Rng): string {
  return rng.pick(SURNAMES) + (rng.chance(0.5) ? '先生' : '女士');
}

/** A web-platform user id as the real boards show it (A + 8 digits). */
export function drawNickname(rng: Rng): string {
  return `A${String(rng.int(1, 99_999_999)).padStart(8, '0')}`;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** An 18-digit resident ID number of a 宜宾 district with a valid GB 11643 check digit. */
export function drawIdNumber(rng: Rng, districtCode: string): string {
  const birth = `${rng.int(1950, 2004)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `${districtCode}${birth}${String(rng.int(0, 999)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i]!;
  return body + CHECK[sum % 11];
}
