import { describe, expect, it } from 'vitest';
import { categories } from '../../../lib/taxonomy';
import { Rng } from '../random';
import { composeContent, composeTitle, phrasesFor } from './compose';

const slots = { place: '阳光花园', road: '人民路', road2: '南岸东路', estate: '阳光花园', village: '石桥村' };

describe('complaint texts', () => {
  it('has phrases for every second-level category and fills every slot', () => {
    const rng = new Rng(1);
    for (const c of categories.filter((x) => x.level === 2)) {
      const p = phrasesFor(c.code);
      expect(p.titles.length + p.issues.length + p.demands.length, c.code).toBeGreaterThanOrEqual(7);
      for (const channel of ['hotline', 'web', 'app'] as const) {
        const text = composeContent(c.code, channel, slots, rng) + composeTitle(c.code, slots, rng);
        expect(text, c.code).not.toMatch(/[{}]/);
      }
    }
  });

  it('varies: 200 hotline texts of one category are mostly distinct', () => {
    const rng = new Rng(2);
    const texts = new Set(Array.from({ length: 200 }, () => composeContent('0202', 'hotline', slots, rng)));
    expect(texts.size).toBeGreaterThan(120);
  });
});
