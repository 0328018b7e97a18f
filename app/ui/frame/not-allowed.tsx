'use client';

import { useText } from '../i18n/preferences';

/** Shown instead of a page the reader's role or scope may not open (the server decided; docs/security.md). */
export function NotAllowed({ reason }: { reason: string }) {
  const { t } = useText();
  return (
    <section className="panel not-allowed" role="alert">
      <h1>{t({ zh: '无权查看', en: 'Not available to you' })}</h1>
      <p>{reason}</p>
      <p>
        {t({
          zh: '如需访问，请联系系统管理员调整您的角色或辖区。',
          en: 'Ask your administrator if you need this: access follows your role and region.',
        })}
      </p>
    </section>
  );
}
