import { cookies } from 'next/headers';
import Link from 'next/link';
import { pageViewer } from '@/app/_auth/current-viewer';
import { readAccounts } from '@/lib/auth/accounts';
import { readAudit } from '@/lib/auth/audit';
import { ROLE_TEXT } from '@/lib/auth/roles';
import { loadAuthSettings } from '@/lib/auth/settings';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { LANG_COOKIE, parseLang } from '../../ui/i18n/lang';

export const dynamic = 'force-dynamic';

/** How many of the newest audit entries the page lists (the CSV export has them all). */
const AUDIT_ROWS = 200;

/**
 * 管理: the accounts with their roles and scopes, and the audit trail (who viewed which ticket list or exported
 * what). Accounts are changed with `npm run users` (docs/security.md); the warehouse's loads are on /status.
 */
export default async function AdminPage() {
  const { refusal } = await pageViewer('/admin');
  if (refusal) return <NotAllowed reason={refusal} />;
  const lang = parseLang((await cookies()).get(LANG_COOKIE)?.value);
  const t = (text: { zh: string; en: string }) => text[lang];
  const settings = loadAuthSettings();
  const [{ accounts }, audit] = await Promise.all([
    readAccounts(settings.accountsPath),
    readAudit(settings.auditPath, { limit: AUDIT_ROWS }),
  ]);
  return (
    <>
      <h1>{t({ zh: '系统管理', en: 'Administration' })}</h1>
      <section className="panel" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t({ zh: '账户与角色', en: 'Accounts and roles' })}</h2>
        <p className="muted">
          {t({ zh: '用命令管理账户：', en: 'Manage accounts with ' })}
          <code>npm run users -- add &lt;name&gt; --role analyst --generate</code>
          {t({ zh: '（详见 docs/security.md）。', en: ' (see docs/security.md).' })}{' '}
          <Link href="/status">{t({ zh: '数据载入状态', en: 'Load status' })}</Link>
        </p>
        <table>
          <thead>
            <tr>
              <th>{t({ zh: '用户名', en: 'User' })}</th>
              <th>{t({ zh: '角色', en: 'Role' })}</th>
              <th>{t({ zh: '辖区/部门', en: 'Region / department' })}</th>
              <th>{t({ zh: '登录方式', en: 'Sign-in' })}</th>
              <th>{t({ zh: '状态', en: 'State' })}</th>
            </tr>
          </thead>
          <tbody>
            {[...accounts.values()].map((a) => (
              <tr key={a.username}>
                <td>{a.username}</td>
                <td>{t(ROLE_TEXT[a.role])}</td>
                <td>{a.region ?? a.department ?? '—'}</td>
                <td>
                  {a.passwordHash ? t({ zh: '密码', en: 'Password' }) : t({ zh: '统一认证', en: 'SSO' })}
                </td>
                <td>{a.disabled ? t({ zh: '已停用', en: 'Disabled' }) : t({ zh: '启用', en: 'Active' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t({ zh: '审计记录', en: 'Audit trail' })}</h2>
        <p className="muted">
          {t({
            zh: `最近 ${AUDIT_ROWS} 条：谁在何时查看了哪份诉求清单或导出了什么。`,
            en: `The newest ${AUDIT_ROWS}: who viewed which ticket list or exported what, and when.`,
          })}{' '}
          <a href="/api/admin/audit?format=csv" download>
            {t({ zh: '导出全部 (CSV)', en: 'Export all (CSV)' })}
          </a>
        </p>
        <table>
          <thead>
            <tr>
              <th>{t({ zh: '时间', en: 'Time' })}</th>
              <th>{t({ zh: '用户', en: 'User' })}</th>
              <th>{t({ zh: '操作', en: 'Action' })}</th>
              <th>{t({ zh: '对象', en: 'Resource' })}</th>
              <th>{t({ zh: '筛选条件', en: 'Filters' })}</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((e) => (
              <tr key={e.id}>
                <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{e.actor}</td>
                <td>{e.type}</td>
                <td>{e.subject}</td>
                <td className="audit-query">{decodeURIComponent(e.payload.query.replace(/\+/g, ' '))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
