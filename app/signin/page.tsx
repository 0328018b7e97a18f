import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/auth/next-path';
import { SESSION_COOKIE, viewerFromSession } from '@/lib/auth/session';
import { loadAuthSettings } from '@/lib/auth/settings';
import { LANG_COOKIE, parseLang } from '../ui/i18n/lang';
import { LanguageSwitch } from '../ui/i18n/language-switch';

export const dynamic = 'force-dynamic';

/** The tab's title in the reader's language (the same cookie as the page). */
export async function generateMetadata() {
  const lang = parseLang((await cookies()).get(LANG_COOKIE)?.value);
  return { title: lang === 'en' ? 'Sign in · Hotline Atlas' : '登录 · 热线诉求分析' };
}

const ERRORS: Record<string, (retry: string | undefined) => { zh: string; en: string }> = {
  invalid: () => ({ zh: '用户名或密码不正确。', en: 'Wrong user name or password.' }),
  locked: (retry) => ({
    zh: `连续登录失败次数过多，账户已临时锁定，请 ${minutes(retry)} 分钟后再试。`,
    en: `Too many failed attempts: this account is locked for ${minutes(retry)} min.`,
  }),
  busy: (retry) => ({
    zh: `登录尝试过于频繁，请 ${retry ?? 60} 秒后再试。`,
    en: `Too many sign-in attempts from here: try again in ${retry ?? 60} s.`,
  }),
  sso: () => ({ zh: '统一身份认证失败，请重试。', en: 'Single sign-on failed; please try again.' }),
  no_account: () => ({
    zh: '您已通过统一身份认证，但本系统尚未为您开通账户，请联系管理员。',
    en: 'You signed in with single sign-on, but you have no account here yet: ask your administrator.',
  }),
};

function minutes(retry: string | undefined): number {
  return Math.max(1, Math.ceil(Number(retry ?? 60) / 60));
}

/**
 * 登录: a plain HTML form posted to /api/auth/signin (it works before any script loads), and the single-sign-on
 * button when an identity provider is configured. Someone already signed in goes straight on. The language switch
 * is the title bar's (the `atlas-lang` cookie), so the dashboard opens in the language chosen here.
 */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === 'string' ? (params[key] as string) : undefined);
  const next = safeNextPath(one('next'));
  const store = await cookies();
  if (await viewerFromSession(store.get(SESSION_COOKIE)?.value)) redirect(next);
  const lang = parseLang(store.get(LANG_COOKIE)?.value);
  const t = (text: { zh: string; en: string }) => text[lang];
  const error = one('error');
  const message = error && ERRORS[error] ? t(ERRORS[error](one('retry'))) : null;
  const oidc = loadAuthSettings().oidc;
  return (
    <main className="signin">
      <div className="signin-preferences">
        <LanguageSwitch />
      </div>
      <h1>{t({ zh: '热线诉求分析', en: 'Hotline Atlas' })}</h1>
      <p className="muted">{t({ zh: '请登录后查看', en: 'Sign in to continue' })}</p>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <form method="post" action="/api/auth/signin">
        <input type="hidden" name="next" value={next} />
        <label>
          {t({ zh: '用户名', en: 'User name' })}
          <input name="username" autoComplete="username" required defaultValue={one('username') ?? ''} />
        </label>
        <label>
          {t({ zh: '密码', en: 'Password' })}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit">{t({ zh: '登录', en: 'Sign in' })}</button>
      </form>
      {oidc && (
        <a className="sso" href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}>
          {oidc.label}
        </a>
      )}
    </main>
  );
}
