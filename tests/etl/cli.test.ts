import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKORDER_HEADERS, workorder, writeCsv } from '../support/fixtures';
import { makeTempDir } from '../support/temp-dir';
import { query, testConfig } from '../support/warehouse';

const tmp = makeTempDir('cli');
const config = testConfig(tmp.dir);
const env = { ...process.env, HOTLINE_DB: config.databasePath, HOTLINE_SECRET_FILE: config.secretPath };
const etl = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'etl/cli/main.ts', ...args], { env, encoding: 'utf8' });

const inbox = path.join(tmp.dir, 'inbox');

beforeAll(() => {
  mkdirSync(inbox);
  writeCsv(path.join(inbox, 'good.csv'), WORKORDER_HEADERS, [
    workorder('C1', { 受理时间: '2024/1/15 9:00' }),
    workorder('C2', { 受理时间: '2024/2/3 10:30' }),
    workorder('C3', { 受理时间: 'yesterday' }),
  ]);
  writeFileSync(path.join(inbox, 'unknown.csv'), 'a,b\n1,2\n');
  etl('watch', inbox, '--once');
});
afterAll(() => tmp.cleanup());

describe('etl command line', () => {
  it('watch moves a loaded file to done/ and an unreadable one to failed/ with its reason', () => {
    expect(readdirSync(inbox).filter((f) => f.endsWith('.csv'))).toEqual([]);
    expect(readdirSync(path.join(inbox, 'done')).sort()).toEqual(['good.csv', 'good.csv.summary.txt']);
    expect(readdirSync(path.join(inbox, 'failed')).sort()).toEqual(['unknown.csv', 'unknown.csv.reason.txt']);
    expect(readFileSync(path.join(inbox, 'failed', 'unknown.csv.reason.txt'), 'utf8')).toMatch(
      /no known layout fits its columns \[a, b\]/,
    );
  });

  it('status shows each file with its counts and each channel with its dates', () => {
    const out = etl('status');
    expect(out).toMatch(/good\.csv\s+cn-12345-workorder\s+loaded\s+3\s+2\s+0\s+0\s+1/);
    expect(out).toMatch(/unknown\.csv.*failed: /);
    expect(out).toMatch(/12345热线\s+2\s+2024-01-15\s+2024-02-03/);
  });

  it('rejected lists the row, column and reason', () => {
    const out = etl('rejected', '--file', 'good.csv');
    expect(out).toMatch(/good\.csv\s+4\s+受理时间\s+unreadable date: yesterday/);
    expect(out).toContain('1 of 1 rejected rows shown');
  });

  it('export writes Hive-partitioned Parquet holding every ticket', async () => {
    const target = path.join(tmp.dir, 'parquet');
    etl('export', '--parquet', target);
    expect(existsSync(path.join(target, 'year=2024', 'month=1'))).toBe(true);
    expect(existsSync(path.join(target, 'year=2024', 'month=2'))).toBe(true);
    const [row] = await query<{ n: number }>(
      config,
      `SELECT count(*)::INTEGER AS n FROM read_parquet('${target}/**/*.parquet', hive_partitioning = true)`,
    );
    expect(row?.n).toBe(2);
  });

  it('sources lists the built-in layouts', () => {
    expect(etl('sources')).toMatch(/cn-12345-workorder.*\n(.*\n)*.*nyc-311/);
  });
});
