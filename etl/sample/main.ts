import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSample } from './generate';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '12345' },
    tickets: { type: 'string', default: '250000' },
    from: { type: 'string', default: '2023-01-01' },
    to: { type: 'string', default: '2025-12-31' },
    out: { type: 'string', default: 'data/sample' },
    'hotline-format': { type: 'string', default: 'xlsx' },
  },
});

const format = values['hotline-format'];
if (format !== 'xlsx' && format !== 'csv')
  throw new Error(`--hotline-format must be xlsx or csv, not ${format}`);
const result = await generateSample({
  seed: Number(values.seed),
  tickets: Number(values.tickets),
  from: values.from,
  to: values.to,
  outDir: path.resolve(values.out),
  hotlineFormat: format,
});
const mem = process.memoryUsage().rss / 2 ** 20;
console.log(
  JSON.stringify({
    out: path.resolve(values.out),
    tickets: result.tickets,
    seconds: Math.round(result.seconds * 10) / 10,
    ticketsPerSecond: Math.round(result.tickets / result.seconds),
    rssMiB: Math.round(mem),
    files: result.files.flatMap((c) => c.files),
    boundaries: result.groundTruth.generator.districtBoundaries,
  }),
);
