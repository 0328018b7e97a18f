'use client';

import { useText } from '../i18n/preferences';

/**
 * The server's refusals read "english (中文)" (lib/auth/access.ts), since an API answer has no language; a page
 * shows the reader's half. Anything else is shown as it came.
 */
const BILINGUAL = /^(.+?)\s*\(([^()]*\p{Script=Han}[^()]*)\)$/u;

/** Shown instead of a page the reader's role or scope may not open (the server decided; docs/security.md). */
export function NotAllowed({ reason }: { reason: string }) {
  const { t } = useText();
  const halves = BILINGUAL.exec(reason);
  return (
    <section className="panel not-allowed" role="alert">
      <h1>{t({ zh: '无权查看', en: 'Not available to you' })}</h1>
      <p>{halves ? t({ en: halves[1] as string, zh: halves[2] as string }) : reason}</p>
      <p>
        {t({
          zh: '如需访问，请联系系统管理员调整您的角色或辖区。',
          en: 'Ask your administrator if you need this: access follows your role and region.',
        })}
      </p>
    </section>
  );
}
