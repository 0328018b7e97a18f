import type { Lang } from '../../i18n/codes';
import type { BriefingModel } from '../model';
import type { SmallCounts } from '../small-counts';
import { briefingTextEn } from './en';
import type { SectionText } from './segments';
import { briefingTextZh } from './zh';

/**
 * The generated text of every section of a briefing, in Chinese (default) or English, with ticket counts as the
 * reader may see them (`smallCountsFor(viewer)`).
 */
export function briefingText(model: BriefingModel, lang: Lang, counts: SmallCounts): SectionText[] {
  return lang === 'en' ? briefingTextEn(model, counts) : briefingTextZh(model, counts);
}
