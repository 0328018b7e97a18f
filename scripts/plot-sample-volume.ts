/**
 * Renders the daily volume of a generated sample as an ECharts chart (server-side SVG) to tmp/sample-volume.svg,
 * and to tmp/sample-volume.png when /usr/bin/chromium is available (playwright-core). Usage:
 *   npx tsx scripts/plot-sample-volume.ts [--dir data/sample]   (without --dir: generates the default set first)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as echarts from 'echarts';
import { generateSample } from '../etl/sample/generate';
import { type ReadRow, readSample, receivedDay } from '../etl/sample/read-back';
import { springFestivalDate } from '../lib/calendar/china-holidays';
import { categoryByCode, findCategoryByName } from '../lib/taxonomy';

const WIDTH = 1600;
const HEIGHT = 900;
const SEASONAL = ['0104', '1003', '0501', '1005', '0701'];
const label = (code: string) => `${code} ${categoryByCode(code)?.en ?? ''}`;

/** Daily totals and monthly counts of the seasonal categories, from the exported rows. */
function series(rows: ReadRow[]) {
  const daily = new Map<string, number>();
  const monthly = new Map<string, Map<string, number>>(SEASONAL.map((c) => [c, new Map()]));
  const names = new Map<string, string | undefined>();
  for (const r of rows) {
    const day = receivedDay(r);
    if (!day) continue;
    daily.set(day, (daily.get(day) ?? 0) + 1);
    const raw = String(r.values.service_code ?? r.values.二级分类 ?? '');
    if (!names.has(raw)) names.set(raw, r.channel === 'app' ? raw : findCategoryByName(raw, 2)?.code);
    const m = monthly.get(names.get(raw) ?? '');
    if (m) m.set(day.slice(0, 7), (m.get(day.slice(0, 7)) ?? 0) + 1);
  }
  const days = [...daily.keys()].sort();
  const months = [...new Set(days.map((d) => d.slice(0, 7)))];
  return { days, daily, months, monthly };
}

/** The chart option: daily volume with a 7-day mean and Spring Festival marks; monthly seasonal categories below. */
function option(s: ReturnType<typeof series>): echarts.EChartsOption {
  const values = s.days.map((d) => s.daily.get(d) ?? 0);
  const mean7 = values.map((_, i) =>
    Math.round(values.slice(Math.max(0, i - 6), i + 1).reduce((a, b) => a + b, 0) / Math.min(7, i + 1)),
  );
  const years = [...new Set(s.days.map((d) => Number(d.slice(0, 4))))];
  const marks = years.map((y) => ({ xAxis: springFestivalDate(y) })).filter((m) => s.daily.has(m.xAxis));
  return {
    animation: false,
    backgroundColor: '#fff',
    title: [
      { text: 'Sample city daily appeals (all channels); SF = Spring Festival', left: 10 },
      { text: 'Monthly appeals, seasonal categories', top: '62%', left: 10 },
    ],
    legend: [
      { top: 5, right: 10, data: ['daily', '7-day mean'] },
      { top: '62%', right: 10, data: SEASONAL.map(label) },
    ],
    grid: [
      { top: 40, height: '48%', left: 60, right: 20 },
      { top: '68%', bottom: 40, left: 60, right: 20 },
    ],
    xAxis: [
      { type: 'category', data: s.days, gridIndex: 0 },
      { type: 'category', data: s.months, gridIndex: 1 },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0 },
      { type: 'value', gridIndex: 1 },
    ],
    series: [
      {
        name: 'daily',
        type: 'line',
        data: values,
        symbol: 'none',
        lineStyle: { width: 0.7 },
        markLine: { symbol: 'none', data: marks, label: { formatter: 'SF' } },
      },
      { name: '7-day mean', type: 'line', data: mean7, symbol: 'none', lineStyle: { width: 2 } },
      ...SEASONAL.map((code) => ({
        name: label(code),
        type: 'line' as const,
        xAxisIndex: 1,
        yAxisIndex: 1,
        symbol: 'none',
        data: s.months.map((m) => s.monthly.get(code)!.get(m) ?? 0),
      })),
    ],
  };
}

const { values: args } = parseArgs({ options: { dir: { type: 'string' } } });
let dir = args.dir;
if (!dir) {
  dir = path.resolve('tmp/sample-plot');
  await generateSample({
    seed: 12345,
    tickets: 250_000,
    from: '2023-01-01',
    to: '2025-12-31',
    outDir: dir,
    hotlineFormat: 'csv',
  });
}
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
chart.setOption(option(series(await readSample(dir))));
const svg = chart.renderToSVGString();
chart.dispose();
mkdirSync('tmp', { recursive: true });
writeFileSync('tmp/sample-volume.svg', svg);
console.log('wrote tmp/sample-volume.svg');
if (existsSync('/usr/bin/chromium')) {
  const { launchBrowser } = await import('../tests/support/browser');
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
  await page.screenshot({ path: 'tmp/sample-volume.png' });
  await browser.close();
  console.log('wrote tmp/sample-volume.png');
}
