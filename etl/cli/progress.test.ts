import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from './progress';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let written = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written += chunk;
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY });
  return { stream, text: () => written };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('load progress', () => {
  it('on a terminal draws a live bar with the stage, rows and rows/s', () => {
    vi.useFakeTimers();
    const { stream, text } = fakeStream(true);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const progress = createProgress(stream);
    progress.stage('a.csv', 'read', 0);
    vi.advanceTimersByTime(2000);
    progress.stage('a.csv', 'normalise', 50_000);
    vi.advanceTimersByTime(500);
    expect(text()).toMatch(/\[#+\.+\] a\.csv {2}normalise {2}50,000 rows {2}[\d,]+ rows\/s/);
    progress.done('✓ a.csv');
    expect(text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('off a terminal prints only the summary line per file', () => {
    const { stream, text } = fakeStream(false);
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const progress = createProgress(stream);
    progress.stage('a.csv', 'read', 10);
    progress.done('✓ a.csv loaded 10');
    expect(text()).toBe('');
    expect(lines).toEqual(['✓ a.csv loaded 10\n']);
  });
});
