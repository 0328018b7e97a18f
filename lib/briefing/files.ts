import type { Browser } from 'playwright-core';
import type { Lang } from '../i18n/codes';
import { briefingCharts } from './charts';
import { chartsToPng } from './chromium';
import { briefingDocx } from './docx';
import type { BriefingModel } from './model';
import type { SmallCounts } from './small-counts';
import { briefingText } from './text';

/**
 * The Word file of a briefing, its ticket counts written for the reader (`counts`, from smallCountsFor): the charts
 * go through Chromium once, as PNG fallbacks beside their SVG.
 */
export async function briefingWordFile(
  browser: Browser,
  model: BriefingModel,
  lang: Lang,
  counts: SmallCounts,
  generatedAt: string,
): Promise<Buffer> {
  const charts = briefingCharts(model, lang, counts);
  const pngs = await chartsToPng(browser, charts);
  const sections = briefingText(model, lang, counts);
  return briefingDocx({ model, sections, charts, pngs, lang, counts, generatedAt });
}

/** The file name of a briefing: 月度分析报告-2025-07.pdf / briefing-2025-07.docx. */
export function briefingFileName(month: string, lang: Lang, format: 'pdf' | 'docx'): string {
  return `${lang === 'en' ? 'briefing' : '月度分析报告'}-${month}.${format}`;
}

/** When the briefing was made, in the deployment's zone, to the minute ("2026-01-05 09:00"). */
export function generatedAtText(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
