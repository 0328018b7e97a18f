import { type Browser, chromium } from 'playwright-core';
import type { BriefingChart } from './charts';

/**
 * The system Chromium (Debian's `chromium`, DESIGN.md) that prints the briefing to PDF and turns its SVG charts into
 * PNG for Word. Headless with nothing that reaches the network; CHROMIUM_PATH overrides the binary.
 */
export async function withChromium<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

/**
 * Chromium's print of the briefing: A4, the page's own @page margins, backgrounds kept. The source is either the
 * self-contained HTML of the command (charts inline, fonts from the system, nothing fetched) or the /briefing page's
 * URL on the running dashboard, opened with the requester's own session cookie (`session`), so the page shows
 * exactly what they may see.
 */
export async function printPdf(
  browser: Browser,
  source: { html: string } | { url: string; session?: { name: string; value: string } },
): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    if ('url' in source && source.session)
      await page.context().addCookies([{ ...source.session, url: new URL(source.url).origin }]);
    if ('html' in source) await page.setContent(source.html, { waitUntil: 'load' });
    else {
      const response = await page.goto(source.url, { waitUntil: 'load' });
      if (!response?.ok()) throw new Error(`the briefing page answered ${response?.status() ?? 'nothing'}`);
      // The page streams: its loading notice comes first, and React reveals the briefing (sent hidden) when it is
      // ready, which can be after `load` on a busy server. Printed too early, the PDF held only the notice, which
      // print leaves out: a blank page.
      await page.locator('article.briefing-document').first().waitFor({ state: 'visible', timeout: 60_000 });
    }
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await page.close();
  }
}

/** Each chart's SVG as a PNG at twice its size (sharp in print), by screenshotting it in Chromium. */
export async function chartsToPng(browser: Browser, charts: BriefingChart[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (charts.length === 0) return out;
  const page = await browser.newPage({ deviceScaleFactor: 2 });
  try {
    for (const chart of charts) {
      await page.setViewportSize({ width: chart.width, height: Math.max(1, chart.height) });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:#fff">${chart.svg}</body></html>`,
      );
      out.set(chart.id, await page.locator('svg').first().screenshot({ type: 'png' }));
    }
  } finally {
    await page.close();
  }
  return out;
}

/** The number of pages of a PDF written by Chromium (Skia writes one `/Type /Page` object per page, uncompressed). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}
