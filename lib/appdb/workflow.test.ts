import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir';
import { AppDbError, appendEvent, readEvents } from './event-log';
import { readWorkflow, recordWorkflowChange } from './workflow';

const tmp = makeTempDir('appdb');
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => path.join(tmp.dir, `log-${n++}`, 'events.jsonl');

/** Appends `count` workflow changes from a separate Node process (another dashboard worker or the admin CLI). */
function writerProcess(file: string, writer: string, count: number): Promise<void> {
  const script = `
    import { recordWorkflowChange } from ${JSON.stringify(path.resolve('lib/appdb/workflow.ts'))};
    await Promise.all(Array.from({ length: ${count} }, (_, i) =>
      recordWorkflowChange(${JSON.stringify(file)},
        { issueId: '${writer}:' + i, status: 'proposed', date: '2025-07-01', note: 'x'.repeat(900) }, '${writer}')));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(stderr))));
  });
}

describe('the workflow in the application database', () => {
  it('keeps the latest change as the state and every change as history', async () => {
    const file = fresh();
    await recordWorkflowChange(file, {
      issueId: 'place:0104:a',
      status: 'proposed',
      date: '2025-06-01',
      note: '',
    });
    await recordWorkflowChange(file, {
      issueId: 'place:0104:a',
      status: 'adopted',
      date: '2025-07-01',
      note: '排水',
    });
    await recordWorkflowChange(file, {
      issueId: 'place:0202:b',
      status: 'proposed',
      date: '2025-07-02',
      note: '',
    });
    const states = await readWorkflow(file);
    expect(states.get('place:0104:a')).toMatchObject({ status: 'adopted', date: '2025-07-01', note: '排水' });
    expect(states.get('place:0104:a')!.history.map((h) => h.status)).toEqual(['proposed', 'adopted']);
    expect(states.get('place:0202:b')!.status).toBe('proposed');
    expect((await readWorkflow(fresh())).size).toBe(0);
  });

  it('loses nothing when two processes write at once', async () => {
    const file = fresh();
    await Promise.all([writerProcess(file, 'a', 150), writerProcess(file, 'b', 150)]);
    const { events, skipped } = await readEvents(file);
    expect(skipped).toBe(0);
    expect(events.length).toBe(300);
    const states = await readWorkflow(file);
    expect(states.size).toBe(300);
    expect(new Set(events.map((e) => e.id)).size).toBe(300);
  }, 60_000);

  it('skips a torn last line and refuses events too large to append whole', async () => {
    const file = fresh();
    await appendEvent(file, { type: 't', actor: 'a', subject: 's', payload: {} });
    appendFileSync(file, '{"id":"torn"');
    expect(await readEvents(file)).toMatchObject({ skipped: 1, events: [{ subject: 's' }] });
    await expect(
      appendEvent(file, { type: 't', actor: 'a', subject: 's', payload: 'x'.repeat(5000) }),
    ).rejects.toThrow(AppDbError);
    writeFileSync(file, '');
    expect((await readEvents(file)).events).toEqual([]);
  });
});
