'use client';

import { useQuery } from '@tanstack/react-query';
import { planningQueries } from '../data/planning-queries';
import { formatDecimal } from '../format';
import { useText } from '../i18n/preferences';
import { ErrorNotice, Loading } from '../states/widget-state';

const REASONS = {
  too_few_months_after: {
    zh: '完成时间太近：完成后不足 3 个月的数据。',
    en: 'Done too recently: under 3 months of data since.',
  },
  too_few_months_before: {
    zh: '完成前不足 3 个月的数据。',
    en: 'Under 3 months of data before it was done.',
  },
  too_few_controls: { zh: '可对照的同类区域不足 5 个。', en: 'Fewer than 5 similar areas to compare with.' },
} as const;

/** Before/after of a finished project against similar areas (difference-in-differences), with every number shown. */
export function ImpactPanel({ issueId, done }: { issueId: string; done: string }) {
  const { t, lang } = useText();
  const impact = useQuery(planningQueries.impact(issueId, done));
  if (impact.isPending) return <Loading height={80} />;
  if (impact.isError) return <ErrorNotice error={impact.error} height={80} />;
  const r = impact.data;
  const n = (v: number) => formatDecimal(v, lang, 2);
  return (
    <div data-testid="planning-impact">
      <h3>{t({ zh: '项目成效（双重差分）', en: 'Impact (difference-in-differences)' })}</h3>
      {!r.enough ? (
        <p>{t({ zh: '数据尚不足以判断：', en: 'Not enough data yet: ' }) + t(REASONS[r.reason])}</p>
      ) : (
        <>
          <p>
            {t({ zh: '本处每月诉求：', en: 'Here, appeals a month: ' })}
            {n(r.treatedBefore)} → {n(r.treatedAfter)} · {t({ zh: '对照区域平均：', en: 'similar areas: ' })}
            {n(r.controlBefore)} → {n(r.controlAfter)} ({r.controls})
          </p>
          <p>
            <strong>
              {t({ zh: '估计效果：', en: 'Estimated effect: ' })}
              {n(r.effect)} {t({ zh: '件/月', en: 'a month' })}
            </strong>{' '}
            (95%: {n(r.low)} – {n(r.high)}){' '}
            {r.high < 0
              ? t({ zh: '诉求明显减少。', en: 'Clearly fewer appeals.' })
              : t({ zh: '尚看不出明确减少。', en: 'No clear reduction yet.' })}
          </p>
          <p className="subtitle">
            {t({
              zh: `完成前 ${n(r.monthsBefore)} 个月与完成后 ${n(r.monthsAfter)} 个月对比；对照为同类别、无项目的其他 H3 网格。`,
              en: `${n(r.monthsBefore)} months before vs ${n(r.monthsAfter)} after; controls are other H3 cells with the same category and no project.`,
            })}
          </p>
        </>
      )}
    </div>
  );
}
