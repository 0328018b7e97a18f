import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInLayouts } from '../../etl/load/layouts';
import { loadFiles } from '../../etl/load/load-files';
import { WORKORDER_HEADERS, workorder, writeCsv } from '../support/fixtures';
import { makeTempDir } from '../support/temp-dir';
import { load, query, testConfig } from '../support/warehouse';

const tmp = makeTempDir('semantics');
afterAll(() => tmp.cleanup());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('loading semantics', () => {
  const config = testConfig(tmp.dir);
  const first = path.join(tmp.dir, 'export-1.csv');
  const again = path.join(tmp.dir, 'export-1-copy.csv');
  const later = path.join(tmp.dir, 'export-2.csv');

  it('re-loading an identical file changes nothing', async () => {
    writeCsv(first, WORKORDER_HEADERS, [workorder('B1'), workorder('B2'), workorder('B3')]);
    writeFileSync(again, readFileSync(first));
    await load([first], config);
    const before = await query<{ ticket_id: string; row_hash: string; load_id: number }>(
      config,
      'SELECT ticket_id, row_hash, load_id FROM tickets ORDER BY 1',
    );
    const outcome = await load([again], config);
    expect(outcome.results[0]).toMatchObject({
      status: 'skipped_identical',
      read: 3,
      unchanged: 3,
      loaded: 0,
    });
    const after = await query(config, 'SELECT ticket_id, row_hash, load_id FROM tickets ORDER BY 1');
    expect(after).toEqual(before);
  });

  it('a later export with the same ids updates those tickets instead of duplicating them', async () => {
    writeCsv(later, WORKORDER_HEADERS, [
      workorder('B1'),
      workorder('B2', { 办理状态: '办理中', 办结时间: null, 是否解决: null, 满意度: null }),
      workorder('B4'),
    ]);
    const outcome = await load([later], config);
    expect(outcome.results[0]).toMatchObject({
      status: 'loaded',
      read: 3,
      loaded: 1,
      updated: 1,
      unchanged: 1,
    });
    const rows = await query<{ source_id: string; status: string; n: number }>(
      config,
      'SELECT source_id, status, count(*) OVER (PARTITION BY ticket_id)::INTEGER AS n FROM tickets ORDER BY 1',
    );
    expect(rows).toEqual([
      { source_id: 'B1', status: 'closed', n: 1 },
      { source_id: 'B2', status: 'in_progress', n: 1 },
      { source_id: 'B3', status: 'closed', n: 1 },
      { source_id: 'B4', status: 'closed', n: 1 },
    ]);
  });

  it('a file no layout fits fails with the closest layout and its missing columns, and loads nothing', async () => {
    const odd = path.join(tmp.dir, 'odd.csv');
    writeCsv(odd, ['编号', '受理时间', '诉求内容'], [['X1', '2024/3/5 8:01', '积水']]);
    const outcome = await loadFiles([odd], { config, layouts: builtInLayouts() });
    expect(outcome.results[0]?.status).toBe('failed');
    expect(outcome.results[0]?.message).toMatch(
      /odd\.csv: no known layout fits.*Closest: "cn-12345-workorder".*sourceId \(工单编号/s,
    );
    const [count] = await query<{ n: number }>(config, 'SELECT count(*)::INTEGER AS n FROM tickets');
    expect(count?.n).toBe(4);
    const [failed] = await query<{ status: string }>(
      config,
      "SELECT status FROM load_log WHERE file_name = 'odd.csv'",
    );
    expect(failed?.status).toBe('failed');
  });
});

describe('atomicity', () => {
  const dir = path.join(tmp.dir, 'atomic');
  const config = testConfig(dir);

  it('a loader killed mid-file leaves the published database exactly as it was, and usable', async () => {
    const small = path.join(tmp.dir, 'small.csv');
    writeCsv(small, WORKORDER_HEADERS, [workorder('K1'), workorder('K2')]);
    await load([small], config);
    const before = sha(config.databasePath);

    const big = path.join(tmp.dir, 'big.csv');
    const rows = Array.from({ length: 150_000 }, (_, i) =>
      workorder(`BIG${i}`, { 诉求内容: `第${i}号：小区门口积水，请尽快处理，已经影响出行多日了。` }),
    );
    writeCsv(big, WORKORDER_HEADERS, rows);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'etl/cli/main.ts', 'load', big, '--db', config.databasePath],
      {
        env: { ...process.env, HOTLINE_SECRET_FILE: config.secretPath },
        stdio: 'ignore',
      },
    );
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    const working = `${config.databasePath}.next`;
    const deadline = Date.now() + 30_000;
    while (!existsSync(working) && Date.now() < deadline) await sleep(50);
    expect(existsSync(working)).toBe(true);
    await sleep(1500);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(sha(config.databasePath)).toBe(before);
    const [count] = await query<{ n: number }>(config, 'SELECT count(*)::INTEGER AS n FROM tickets');
    expect(count?.n).toBe(2);
    const retry = await load([small], config);
    expect(retry.results[0]?.status).toBe('skipped_identical');
  });
});
