/** The dashboard's languages: Simplified Chinese by default, English on request. */
export type Lang = 'zh' | 'en';

/** A piece of UI text in both languages. */
export interface Text {
  zh: string;
  en: string;
}

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
