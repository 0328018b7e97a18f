import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { categories } from '../../lib/taxonomy';
import { backgroundDay, type CityContext, intensity, stormMultiplier } from './background';
import { planDefects } from './defect-plan';
import { loadDistrictAreas } from './district-areas';
import { buildGroundTruth, type GroundTruth } from './ground-truth';
import { type HandlingQualityPlants, plantHandlingQuality } from './handling-quality';
import type { SampleChannel, SampleTicket } from './model';
import { plantPii } from './pii';
import { buildTownPlaces } from './places';
import { Rng } from './random';
import { planSignals } from './signals';
import { SampleStats } from './stats';
import { makeTicket } from './ticket-factory';
import { type ChannelFiles, ChannelWriters } from './writers/channel-writers';
import { compactDate } from './writers/format';

const DAY_MS = 86_400_000;

/** What to generate. Dates are ISO days, both inclusive. */
export interface SampleOptions {
  seed: number;
  tickets: number;
  from: string;
  to: string;
  outDir: string;
  hotlineFormat: 'xlsx' | 'csv';
  /** Rows per hotline XLSX file before rolling over to `_part02` … (default 1,000,000; smaller in tests). */
  xlsxRowsPerFile?: number;
}

/** What was written. */
export interface SampleResult {
  files: ChannelFiles[];
  groundTruth: GroundTruth;
  tickets: number;
  seconds: number;
}

const ID_PREFIX: Record<SampleChannel, (day: string, seq: number) => string> = {
  hotline: (day, seq) => `YB${day}${String(seq).padStart(5, '0')}`,
  web: (day, seq) => `WZ${day}${String(seq).padStart(5, '0')}`,
  app: (day, seq) => `APP${day}${String(seq).padStart(5, '0')}`,
};

/**
 * Generates the sample city's three channel exports and ground-truth.json into `outDir`, day by day (memory stays
 * flat whatever the ticket count). The same options give byte-identical files.
 */
export async function generateSample(opts: SampleOptions): Promise<SampleResult> {
  const started = performance.now();
  const fromMs = Date.parse(`${opts.from}T00:00:00Z`);
  const toMs = Date.parse(`${opts.to}T00:00:00Z`);
  if (!(toMs >= fromMs)) throw new Error(`bad range ${opts.from}..${opts.to}`);
  const days = Math.round((toMs - fromMs) / DAY_MS) + 1;
  const rng = new Rng(opts.seed);
  const areas = loadDistrictAreas();
  const l2 = categories.filter((c) => c.level === 2);
  const ctx: CityContext = {
    areas,
    places: buildTownPlaces(areas),
    categories: l2,
    cut: toMs + DAY_MS,
    scale: 0,
    days,
  };

  const stormRng = rng.fork('storms');
  const stormy: boolean[] = [];
  let intensityTotal = 0;
  for (let i = 0; i < days; i++) {
    const dayMs = fromMs + i * DAY_MS;
    const month = new Date(dayMs).getUTCMonth() + 1;
    stormy.push(month >= 6 && month <= 9 && stormRng.chance(0.12));
    const iso = new Date(dayMs).toISOString().slice(0, 10);
    for (const c of l2)
      intensityTotal += intensity(c.code, dayMs, iso, i) * stormMultiplier(c.code, stormy[i]!);
  }
  const plan = planSignals(ctx, fromMs, toMs, rng.fork('signals'));
  const planted = [...plan.byDay.values()].reduce((n, specs) => n + specs.length, 0);
  const background = Math.max(0, opts.tickets - planted);
  ctx.scale = background / intensityTotal;
  const defects = planDefects(
    { hotline: background * 0.6, web: background * 0.25, app: background * 0.12 },
    rng.fork('defects'),
  );

  mkdirSync(opts.outDir, { recursive: true });
  const writers = new ChannelWriters(
    opts.outDir,
    `${opts.from}_${opts.to}`,
    opts.hotlineFormat,
    opts.xlsxRowsPerFile,
  );
  const stats = new SampleStats(ctx.cut);
  const plantedTickets = new Map<string, SampleTicket[]>();
  const pii = { phone: [] as string[], idNumber: [] as string[] };
  const ordinals: Record<SampleChannel, number> = { hotline: 0, web: 0, app: 0 };
  const dayRng = rng.fork('days');
  const plantRng = rng.fork('planted');
  // Forked last, so that the streams above (and every file they drive) are as they were before this signal.
  const handlingRng = rng.fork('handling-quality');
  const handlingPlants: HandlingQualityPlants = { bounced: [], fastClosed: [], reopens: [] };
  const reopens = new Map<string, SampleTicket[]>();

  for (let i = 0; i < days; i++) {
    const dayMs = fromMs + i * DAY_MS;
    const iso = new Date(dayMs).toISOString().slice(0, 10);
    const tickets = backgroundDay(ctx, dayMs, iso, i, stormy[i]!, dayRng);
    for (const t of tickets) {
      const kind = defects.get(t.channel)!.get(++ordinals[t.channel]);
      if (kind) t.defect = kind;
      else t.pii = plantPii(t, dayRng);
    }
    for (const spec of plan.byDay.get(iso) ?? []) {
      const t = makeTicket(spec, ctx.cut, plantRng);
      plantedTickets.set(spec.planted!, [...(plantedTickets.get(spec.planted!) ?? []), t]);
      tickets.push(t);
    }
    plantHandlingQuality(tickets, reopens, handlingPlants, ctx.cut, handlingRng);
    tickets.push(...(reopens.get(iso) ?? []));
    reopens.delete(iso);
    tickets.sort((a, b) => a.received - b.received);
    const seq: Record<SampleChannel, number> = { hotline: 0, web: 0, app: 0 };
    const compact = compactDate(dayMs);
    for (const t of tickets) {
      t.sourceId = ID_PREFIX[t.channel](compact, ++seq[t.channel]);
      if (t.pii?.phone) pii.phone.push(t.sourceId);
      if (t.pii?.idNumber) pii.idNumber.push(t.sourceId);
      stats.add(t);
      await writers.write(t);
    }
  }
  const files = await writers.close();
  const groundTruth = buildGroundTruth({
    opts,
    plan,
    plantedTickets,
    handlingPlants,
    stats,
    files,
    defects: writers.defects,
    pii,
    stormDays: stormy.flatMap((s, i) =>
      s ? [new Date(fromMs + i * DAY_MS).toISOString().slice(0, 10)] : [],
    ),
    districtSource: areas.source,
  });
  writeFileSync(path.join(opts.outDir, 'ground-truth.json'), `${JSON.stringify(groundTruth, null, 2)}\n`);
  return { files, groundTruth, tickets: stats.total, seconds: (performance.now() - started) / 1000 };
}
