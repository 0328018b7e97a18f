import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bindLayout, detectLayout, headerKey } from '../../etl/load/detect-layout';
import { builtInLayouts } from '../../etl/load/layouts';
import { layoutSchema } from '../../etl/load/mapping-schema';
import { categoryByCode, findCategoryByName } from '../../lib/taxonomy';

describe('source layouts', () => {
  it('every built-in layout is valid and maps its category texts to real taxonomy entries', () => {
    const layouts = builtInLayouts();
    expect(layouts.map((l) => l.id)).toEqual([
      'boston-311',
      'cn-12345-workorder',
      'cn-web-message-board',
      'la-myla311',
      'nyc-311',
      'open311-georeport-v2',
    ]);
    for (const layout of layouts) {
      for (const target of Object.values(layout.categoryMap ?? {})) {
        expect(categoryByCode(target) ?? findCategoryByName(target), `${layout.id}: ${target}`).toBeDefined();
      }
    }
  });

  it('the example in docs/source-layouts.md is a valid layout', () => {
    const doc = readFileSync('docs/source-layouts.md', 'utf8');
    const example = doc.match(/```json\n([\s\S]*?)```/)?.[1];
    expect(example).toBeDefined();
    const parsed = layoutSchema.safeParse(JSON.parse(example as string));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('matches headers ignoring case, spaces, underscores and punctuation', () => {
    expect(headerKey('Created Date')).toBe(headerKey('created_date'));
    expect(headerKey('X Coordinate (State Plane)')).toBe(headerKey('x_coordinate_state_plane'));
    expect(headerKey('街道（乡镇）')).toBe(headerKey('街道乡镇'));
    const nyc = builtInLayouts().find((l) => l.id === 'nyc-311')!;
    expect(bindLayout(nyc, ['unique_key', 'created_date', 'agency']).columns.sourceId).toEqual([
      'unique_key',
    ]);
  });

  it('detects each layout from its own headers and prefers the one that covers most columns', () => {
    const layouts = builtInLayouts();
    const pick = (headers: string[]) => detectLayout('f.csv', headers, layouts).layout.id;
    expect(pick(['工单编号', '受理时间', '诉求内容', '所属区县'])).toBe('cn-12345-workorder');
    expect(pick(['留言编号', '留言用户', '留言主题', '留言时间', '留言详情', '一级分类'])).toBe(
      'cn-web-message-board',
    );
    expect(pick(['service_request_id', 'requested_datetime', 'lat', 'long'])).toBe('open311-georeport-v2');
    expect(pick(['Unique Key', 'Created Date', 'Complaint Type'])).toBe('nyc-311');
    expect(pick(['SRNumber', 'CreatedDate', 'RequestType'])).toBe('la-myla311');
    expect(pick(['', 'CASE_ENQUIRY_ID', 'OPEN_DT', 'TYPE'])).toBe('boston-311');
  });

  it('a required column missing from every layout is named in the error', () => {
    expect(() => detectLayout('x.csv', ['留言编号', '留言时间'], builtInLayouts())).toThrow(
      /x\.csv: no known layout fits.*Closest: "cn-web-message-board".*content \(留言详情\)/s,
    );
  });
});
