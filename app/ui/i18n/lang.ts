import type { Lang, Text } from '@/lib/i18n/codes';

/** The dashboard's languages (Simplified Chinese by default, English on request) and text in both. */
export type { Lang, Text };

export const LANG_COOKIE = 'atlas-lang';
export const TEXT_SIZE_COOKIE = 'atlas-text';

export function parseLang(value: string | undefined): Lang {
  return value === 'en' ? 'en' : 'zh';
}

export function pick(lang: Lang, text: Text): string {
  return text[lang];
}

/** The locale numbers and dates are written in. */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-US' : 'zh-CN';
}
