import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment';
import { jaccard, minHashSignature, nearDuplicateClusters, type TextItem } from './minhash';

const options = { hashes: 64, bands: 16, minJaccard: 0.6, maxHours: 72 };
const item = (text: string, hours = 0, extra: Partial<TextItem> = {}): TextItem => ({
  words: new Set(segment(text)),
  block: '511502',
  hours,
  ...extra,
});

describe('nearDuplicateClusters on hand-written appeals', () => {
  it('groups one problem told in different frames (hotline operator vs. app user)', () => {
    const items = [
      item('市民来电反映：滨江路与民主街交叉口下雨后严重积水，行人无法通行，希望尽快疏通排水管道。'),
      item('滨江路与民主街交叉口下雨后严重积水，行人无法通行，请尽快疏通排水管道', 5),
      item('民主街交叉口滨江路下雨积水严重，行人无法通行，希望疏通排水管道。', 30),
    ];
    expect(nearDuplicateClusters(items, options)).toEqual([[0, 1, 2]]);
  });

  it('keeps different problems at one place apart although they share the place words', () => {
    const items = [
      item('滨江路与民主街交叉口下雨后严重积水，行人无法通行，希望尽快疏通排水管道。'),
      item('滨江路与民主街交叉口路灯不亮，晚上一片漆黑，希望尽快维修路灯。', 1),
      item('滨江路与民主街交叉口烧烤摊油烟扰民，凌晨还在营业，希望城管整治。', 2),
    ];
    expect(nearDuplicateClusters(items, options)).toEqual([]);
  });

  it('keeps the same words apart when they are far apart in time or in different districts', () => {
    const text = '大观楼农贸市场凌晨四五点开始卸货叫卖，噪音扰民，希望控制音量和时间。';
    expect(nearDuplicateClusters([item(text, 0), item(text, 24 * 30)], options)).toEqual([]);
    expect(nearDuplicateClusters([item(text), item(text, 1, { block: '511503' })], options)).toEqual([]);
    const streets = [
      item(text, 0, { area: 'a' }),
      item(text, 1, { area: 'a' }),
      item(text, 2, { area: 'b' }),
    ];
    expect(nearDuplicateClusters(streets, options)).toEqual([[0, 1]]);
  });

  it('links a templated text only within the window, whatever order the appeals come in', () => {
    const text = '市民来电反映：小区门口道路积水严重，请尽快处理。';
    // Appeals arrive sorted by id, not time: two bursts a month apart, interleaved.
    const items = [0, 1000, 10, 1010, 60, 1060].map((hours) => item(text, hours));
    expect(nearDuplicateClusters(items, options)).toEqual([
      [0, 2, 4],
      [1, 3, 5],
    ]);
    const caller = [0, 1000, 10].map((hours) => item(`${text}${hours}`, hours, { caller: 'c1' }));
    expect(nearDuplicateClusters(caller, options)).toEqual([[0, 2]]);
  });

  it('copes with a templated text repeated thousands of times over the years', () => {
    // 6,000 appeals 50 hours apart: each pair of neighbours is in the window, any other pair is not. Checking every
    // pair of the bucket (18M, times 16 bands) ran out of room in a JS Set.
    const items = Array.from({ length: 6000 }, (_, i) => item('小区门口道路积水严重，请尽快处理。', i * 50));
    const clusters = nearDuplicateClusters(items, options);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toEqual(items.map((_, i) => i));
  });

  it('links the same caller on the same problem in other words, but not on another category', () => {
    const a = item('医保报销：城乡居民医保今年缴费标准和截止时间是什么？', 0, {
      caller: 'k1',
      category: '0601',
    });
    const b = item('门诊特殊疾病备案后在乡镇卫生院不能直接结算', 10, { caller: 'k1', category: '0601' });
    const c = item('小区电梯经常困人，物业不维修', 20, { caller: 'k1', category: '0402' });
    expect(nearDuplicateClusters([a, b, c], options)).toEqual([[0, 1]]);
  });
});

describe('MinHash', () => {
  it('estimates Jaccard similarity', () => {
    const a = new Set(Array.from({ length: 100 }, (_, i) => `w${i}`));
    const b = new Set(Array.from({ length: 100 }, (_, i) => `w${i + 50}`));
    const [sa, sb] = [minHashSignature(a, 256), minHashSignature(b, 256)];
    const agree = sa.filter((v, i) => v === sb[i]).length / 256;
    expect(jaccard(a, b)).toBeCloseTo(1 / 3, 5);
    expect(Math.abs(agree - 1 / 3)).toBeLessThan(0.1);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
