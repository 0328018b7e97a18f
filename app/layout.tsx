import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from './ui/frame/providers';
import { LANG_COOKIE, parseLang, TEXT_SIZE_COOKIE } from './ui/i18n/lang';
import './globals.css';

export const metadata = {
  title: 'Hotline Atlas · 热线诉求分析',
  description: 'Analytics and hotspot map for citizen service-hotline tickets',
};

/** Language and large text are a reader's preferences, kept in cookies (filters live in the URL). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const store = await cookies();
  const lang = parseLang(store.get(LANG_COOKIE)?.value);
  const largeText = store.get(TEXT_SIZE_COOKIE)?.value === 'large';
  return (
    <html lang={lang === 'en' ? 'en' : 'zh-CN'} data-text={largeText ? 'large' : 'normal'}>
      <body>
        <Providers preferences={{ lang, largeText }}>{children}</Providers>
      </body>
    </html>
  );
}
