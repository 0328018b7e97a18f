import { DuckDBInstance, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { regionNameKey, regionNameKeySql } from './region-names';

const samples = [
  ' 翠屏区 ',
  '翠　屏　区',
  '宜宾市\u00a0叙州区',
  '\t南溪区\n',
  'ＡＢＣ１２３（北京）',
  "O'Brien Ｓｔ",
  'MANHATTAN',
  '',
];

describe('regionNameKey', () => {
  it('normalises width, spaces and case', () => {
    expect(regionNameKey(' 翠　屏 区 ')).toBe('翠屏区');
    expect(regionNameKey('ＡＢＣ１２３（北京）')).toBe('abc123(北京)');
  });

  it('gives the same key in SQL as in JavaScript', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      `SELECT ${regionNameKeySql('s')} AS k FROM (SELECT unnest($list) AS s)`,
      { list: listValue(samples) },
      { list: LIST(VARCHAR) },
    );
    expect(reader.getRowObjectsJS().map((r) => r.k)).toEqual(samples.map(regionNameKey));
    const nulls = await connection.runAndReadAll(`SELECT ${regionNameKeySql('NULL')} AS k`);
    expect(nulls.getRowObjectsJS()[0]!.k).toBeNull();
    connection.closeSync();
    instance.closeSync();
  });
});
