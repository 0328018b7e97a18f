'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { ROLE_TEXT } from '@/lib/auth/roles';
import { useDashboard } from '../filters/dashboard-context';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { LANG_COOKIE, TEXT_SIZE_COOKIE, type Text } from '../i18n/lang';
import { usePreferences, useText } from '../i18n/preferences';

const VIEWS: { href: string; text: Text }[] = [
  { href: '/', text: { zh: '总览', en: 'Overview' } },
  { href: '/trends', text: { zh: '趋势', en: 'Trends' } },
  { href: '/words', text: { zh: '热词', en: 'Hot words' } },
  { href: '/map', text: { zh: '地图', en: 'Map' } },
  { href: '/departments', text: { zh: '部门考评', en: 'Departments' } },
  { href: '/forecasts', text: { zh: '预测', en: 'Forecasts' } },
  { href: '/planning', text: { zh: '项目建议', en: 'Planning' } },
  { href: '/handling', text: { zh: '办理质量', en: 'Handling' } },
  { href: '/dispatch', text: { zh: '派单建议', en: 'Dispatch' } },
  { href: '/tickets', text: { zh: '诉求清单', en: 'Tickets' } },
  { href: '/briefing', text: { zh: '月报', en: 'Briefing' } },
];

function setCookie(name: string, value: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a one-year preference cookie; the Cookie Store API is not in every browser a city runs.
  document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
}

/** The title bar: the views (keeping the current filters), the language switch and large text (大字版). */
export function AppHeader() {
  const pathname = usePathname();
  const router = useRouter();
  const { filterQuery } = useDashboardFilters();
  const { viewer, pages } = useDashboard();
  // Only the pages this reader may open (the server refuses the others anyway).
  const views = VIEWS.filter((view) => (pages as string[]).includes(view.href));
  const { lang, largeText } = usePreferences();
  const { t } = useText();

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◉
        </span>
        <span>{t({ zh: '热线诉求分析', en: 'Hotline Atlas' })}</span>
      </div>
      <nav aria-label={t({ zh: '视图', en: 'Views' })}>
        {views.map((view) => (
          <Link
            key={view.href}
            href={filterQuery ? `${view.href}?${filterQuery}` : view.href}
            aria-current={
              pathname === view.href || (view.href !== '/' && pathname.startsWith(`${view.href}/`))
                ? 'page'
                : undefined
            }
          >
            {t(view.text)}
          </Link>
        ))}
      </nav>
      <div className="preferences">
        <button
          type="button"
          onClick={() => {
            setCookie(LANG_COOKIE, lang === 'zh' ? 'en' : 'zh');
            router.refresh();
          }}
          lang={lang === 'zh' ? 'en' : 'zh'}
        >
          {lang === 'zh' ? 'English' : '中文'}
        </button>
        <button
          type="button"
          aria-pressed={largeText}
          onClick={() => {
            setCookie(TEXT_SIZE_COOKIE, largeText ? 'normal' : 'large');
            router.refresh();
          }}
        >
          {t({ zh: '大字版', en: 'Large text' })}
        </button>
      </div>
      <div className="account">
        {(pages as string[]).includes('/admin') && (
          <Link href="/admin" aria-current={pathname.startsWith('/admin') ? 'page' : undefined}>
            {t({ zh: '管理', en: 'Admin' })}
          </Link>
        )}
        <span className="account-name" title={t(ROLE_TEXT[viewer.role])}>
          {viewer.username} · {t(ROLE_TEXT[viewer.role])}
          {viewer.region ? ` · ${viewer.region}` : ''}
          {viewer.department ? ` · ${viewer.department}` : ''}
        </span>
        <form method="post" action="/api/auth/signout">
          <button type="submit">{t({ zh: '退出', en: 'Sign out' })}</button>
        </form>
      </div>
    </header>
  );
}
