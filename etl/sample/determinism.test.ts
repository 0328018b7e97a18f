import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSample } from './generate';
import { readSample } from './read-back';

const SAMPLES = path.resolve('data-samples');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'sample-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const small = { tickets: 2500, from: '2024-01-01', to: '2024-06-30', hotlineFormat: 'xlsx' as const };
const filesOf = (dir: string) => readdirSync(dir).sort();

describe('sample determinism', () => {
  it('writes byte-identical files for the same seed and different ones for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await generateSample({ ...small, seed: 7, outDir: a });
    await generateSample({ ...small, seed: 7, outDir: b });
    await generateSample({ ...small, seed: 8, outDir: c });
    expect(filesOf(a)).toEqual(filesOf(b));
    for (const name of filesOf(a)) {
      expect(readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))), name).toBe(true);
      expect(readFileSync(path.join(a, name)).equals(readFileSync(path.join(c, name))), name).toBe(false);
    }
  });

  it('rolls hotline XLSX over into part files and reads them all back', async () => {
    const dir = tempDir();
    const result = await generateSample({ ...small, seed: 3, outDir: dir, xlsxRowsPerFile: 600 });
    const hotline = result.files.find((f) => f.channel === 'hotline')!.files;
    expect(hotline.length).toBeGreaterThan(1);
    expect(hotline[1]!.name).toMatch(/_part02\.xlsx$/);
    expect(hotline.slice(0, -1).every((f) => f.rows === 600)).toBe(true);
    const rows = (await readSample(dir)).filter((r) => r.channel === 'hotline');
    expect(rows.length).toBe(hotline.reduce((n, f) => n + f.rows, 0));
  });

  it('rebuilds data-samples/ byte for byte (the command in data-samples/README.md)', async () => {
    const dir = tempDir();
    await generateSample({
      seed: 12345,
      tickets: 20000,
      from: '2024-01-01',
      to: '2025-12-31',
      outDir: dir,
      hotlineFormat: 'xlsx',
    });
    const committed = filesOf(SAMPLES).filter((f) => f !== 'README.md');
    expect(filesOf(dir)).toEqual(committed);
    for (const name of committed) {
      const same = readFileSync(path.join(dir, name)).equals(readFileSync(path.join(SAMPLES, name)));
      expect(same, `${name} drifted from its generator: rerun the command in data-samples/README.md`).toBe(
        true,
      );
    }
  });
});
