import { cookies } from 'next/headers';
import type { Lang } from '@/lib/i18n/codes';
import { LANG_COOKIE, parseLang } from '../ui/i18n/lang';

/** The briefing's language: `?lang=en|zh` when given (links and the PDF export), else the reader's cookie. */
export async function briefingLang(param: string | string[] | undefined): Promise<Lang> {
  if (param === 'en' || param === 'zh') return param;
  return parseLang((await cookies()).get(LANG_COOKIE)?.value);
}
