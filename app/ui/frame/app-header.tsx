'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { ROLE_TEXT } from '@/lib/auth/roles';
import { useDashboard } from '../filters/dashboard-context';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { TEXT_SIZE_COOKIE, type Text } from '../i18n/lang';
import { LanguageSwitch } from '../i18n/language-switch';
import { setPreferenceCookie } from '../i18n/preference-cookie';
import { usePreferences, useText } from '../i18n/preferences';
import { ViewNav } from './view-nav';

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

/**
 * The title bar, on one line from 1024 px up: the views (keeping the current filters; those that do not fit go
 * behind 更多 / More), the language switch, large text (大字版) and who is signed in.
 */
export function AppHeader() {
  const pathname = usePathname();
  const router = useRouter();
  const { filterQuery } = useDashboardFilters();
  const { viewer, viewerRegion, pages } = useDashboard();
  const { largeText } = usePreferences();
  const { t } = useText();
  // Only the pages this reader may open (the server refuses the others anyway).
  const entries = VIEWS.filter((view) => (pages as string[]).includes(view.href)).map((view) => ({
    href: filterQuery ? `${view.href}?${filterQuery}` : view.href,
    label: t(view.text),
    current: pathname === view.href || (view.href !== '/' && pathname.startsWith(`${view.href}/`)),
  }));

  // The office's region by name (its code when the warehouse does not know it); the whole line is the tooltip too,
  // because a long department name is cut short on a narrow screen.
  const account = [
    viewer.username,
    t(ROLE_TEXT[viewer.role]),
    viewer.region ? (viewerRegion?.name ?? viewer.region) : null,
    viewer.department ?? null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◉
        </span>
        <span>{t({ zh: '热线诉求分析', en: 'Hotline Atlas' })}</span>
      </div>
      <ViewNav
        entries={entries}
        label={t({ zh: '视图', en: 'Views' })}
        moreLabel={t({ zh: '更多', en: 'More' })}
      />
      <div className="preferences">
        <LanguageSwitch />
        <button
          type="button"
          aria-pressed={largeText}
          onClick={() => {
            setPreferenceCookie(TEXT_SIZE_COOKIE, largeText ? 'normal' : 'large');
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
        <span className="account-name" title={account}>
          {account}
        </span>
        <form method="post" action="/api/auth/signout">
          <button type="submit">{t({ zh: '退出', en: 'Sign out' })}</button>
        </form>
      </div>
    </header>
  );
}
