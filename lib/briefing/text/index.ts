import type { Lang } from '../../i18n/codes';
import type { BriefingModel } from '../model';
import { briefingTextEn } from './en';
import type { SectionText } from './segments';
import { briefingTextZh } from './zh';

/** The generated text of every section of a briefing, in Chinese (default) or English. */
export function briefingText(model: BriefingModel, lang: Lang): SectionText[] {
  return lang === 'en' ? briefingTextEn(model) : briefingTextZh(model);
}
