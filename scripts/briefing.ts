#!/usr/bin/env -S npx tsx
/**
 * npm run briefing -- [--month 2025-07] [--out dir] [--lang zh|en] [--db path] [--png]
 *
 * Writes the monthly briefing of one month as PDF and Word, for a scheduled job (docs/briefing.md). It needs no
 * running dashboard: it reads the warehouse through lib/queries, renders the same React component as the
 * /briefing page to static HTML with the page's stylesheet inlined (app/ui/briefing/render-html.tsx), and prints
 * that with the system Chromium. Prints one JSON line; exit code 2 when the month has no data. `--png` also writes
 * a picture of every PDF page (<name>-p1.png …, by poppler's pdftoppm) to look at before sending the file out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { briefingHtml } from '../app/ui/briefing/render-html';
import { pdfPageCount, printPdf, withChromium } from '../lib/briefing/chromium';
import { fetchBriefing } from '../lib/briefing/fetch-briefing';
import { briefingFileName, briefingWordFile, generatedAtText } from '../lib/briefing/files';
import { type BriefingMonth, isBriefingMonth, latestCompleteMonth } from '../lib/briefing/month';
import { BriefingNoDataError } from '../lib/briefing/no-data';
import { pdfPagesToPng } from '../lib/briefing/pdf-pages';
import { loadConfig } from '../lib/config';
import type { Lang } from '../lib/i18n/codes';
import { fetchDataSpan } from '../lib/queries/data-span';

export interface WrittenBriefing {
  month: BriefingMonth;
  lang: Lang;
  pdf: string;
  docx: string;
  pages: number;
  /** Pictures of the PDF's pages, with --png. */
  png?: string[];
}

/** Writes `<out>/月度分析报告-<month>.pdf` and `.docx` (briefing-<month>.* in English). */
export async function writeBriefing(options: {
  month?: BriefingMonth;
  out: string;
  lang: Lang;
  png?: boolean;
}): Promise<WrittenBriefing> {
  const month = options.month ?? latestCompleteMonth(await fetchDataSpan());
  if (!month) throw new Error('the warehouse holds no complete month of data yet');
  const result = await fetchBriefing(month);
  if (result.kind === 'no_data') throw new BriefingNoDataError(result, options.lang);
  const { model } = result;
  const generatedAt = generatedAtText(loadConfig().timeZone);
  // Exact counts: the command is run by the operator, who holds the warehouse (docs/briefing.md, small counts).
  const counts = 'exact';
  const html = briefingHtml(model, options.lang, counts, generatedAt);
  mkdirSync(options.out, { recursive: true });
  const files = {
    pdf: path.join(options.out, briefingFileName(month, options.lang, 'pdf')),
    docx: path.join(options.out, briefingFileName(month, options.lang, 'docx')),
  };
  return withChromium(async (browser) => {
    const pdf = await printPdf(browser, { html });
    writeFileSync(files.pdf, pdf);
    writeFileSync(files.docx, await briefingWordFile(browser, model, options.lang, counts, generatedAt));
    const pages = pdfPageCount(pdf);
    const written: WrittenBriefing = { month, lang: options.lang, ...files, pages };
    if (options.png) written.png = pdfPagesToPng(path.resolve(files.pdf));
    return written;
  });
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      month: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      db: { type: 'string' },
      png: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.month !== undefined && !isBriefingMonth(values.month))
    throw new Error(`--month: a month as YYYY-MM, not "${values.month}"`);
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en')
    throw new Error(`--lang: zh or en, not "${values.lang}"`);
  // Before the first query: lib/db opens the warehouse named by HOTLINE_DB.
  if (values.db) process.env.HOTLINE_DB = path.resolve(values.db);
  const started = Date.now();
  try {
    const written = await writeBriefing({
      month: values.month,
      out: values.out ?? 'briefings',
      lang: (values.lang as Lang | undefined) ?? 'zh',
      png: values.png,
    });
    process.stdout.write(`${JSON.stringify({ ...written, seconds: (Date.now() - started) / 1000 })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BriefingNoDataError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
