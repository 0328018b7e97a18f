'use client';

import { useRouter } from 'next/navigation';
import { LANG_COOKIE } from './lang';
import { setPreferenceCookie } from './preference-cookie';
import { usePreferences } from './preferences';

/**
 * The English/中文 button: writes the `atlas-lang` cookie and re-renders the page on the server in the other
 * language. The same button in the title bar and on the sign-in page, so the choice carries from one to the other.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const router = useRouter();
  const { lang } = usePreferences();
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        setPreferenceCookie(LANG_COOKIE, lang === 'zh' ? 'en' : 'zh');
        router.refresh();
      }}
      lang={lang === 'zh' ? 'en' : 'zh'}
    >
      {lang === 'zh' ? 'English' : '中文'}
    </button>
  );
}
