'use client';

import type { ReactNode } from 'react';
import { useText } from '../i18n/preferences';

/**
 * Every widget's loading, empty and error states, each saying what happened. `height` keeps the layout from
 * jumping while a chart loads.
 */
export function Loading({ height = 240 }: { height?: number }) {
  const { t } = useText();
  return (
    <div className="widget-state loading" style={{ minHeight: height }} role="status" aria-live="polite">
      {t({ zh: '正在加载…', en: 'Loading…' })}
    </div>
  );
}

export function Empty({ height = 240, children }: { height?: number; children?: ReactNode }) {
  const { t } = useText();
  return (
    <div className="widget-state empty" style={{ minHeight: height }}>
      {children ??
        t({
          zh: '所选条件下没有诉求。请放宽时间范围或筛选条件。',
          en: 'No appeals match these filters. Widen the dates or remove a filter.',
        })}
    </div>
  );
}

export function ErrorNotice({ error, height = 240 }: { error: unknown; height?: number }) {
  const { t } = useText();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="widget-state error" style={{ minHeight: height }} role="alert">
      <strong>{t({ zh: '无法加载：', en: 'Could not load: ' })}</strong>
      {message}
    </div>
  );
}

/** A titled panel of the dashboard. */
export function Panel({
  title,
  actions,
  children,
  className,
  testId,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId}>
      <header className="panel-header">
        <h2>{title}</h2>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
