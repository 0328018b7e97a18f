import { describe, expect, it } from 'vitest';
import { stagedValue, stagingColumnNames } from './staging-table';

describe('stagingColumnNames', () => {
  it('trims, fills blanks with _col<position> and suffixes repeats case-insensitively', () => {
    expect(stagingColumnNames(['\uFEFF 工单编号 ', '', null, 'ID', 'id', 'id_2', 'id', '_row'])).toEqual([
      '工单编号',
      '_col2',
      '_col3',
      'ID',
      'id_2',
      'id_2_2',
      'id_3',
      '_row_2',
    ]);
  });
});

describe('stagedValue', () => {
  it('trims tabs, newlines, no-break and ideographic spaces; empty becomes null', () => {
    expect(stagedValue('\t\r\n\u3000\u00a0 市民反映 积水\u3000')).toBe('市民反映 积水');
    expect(stagedValue(' \u3000 ')).toBeNull();
    expect(stagedValue(undefined)).toBeNull();
  });
});
