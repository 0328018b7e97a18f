'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type CategoryNode, categoryTreemapOption } from '@/lib/charts/category-treemap-option';
import { RISE_COLOUR } from '@/lib/charts/palette';
import { rankedBarOption } from '@/lib/charts/ranked-bar-option';
import type { CategoryShareRow } from '@/lib/queries/category-shares';
import { EChart } from '../charts/echart';
import { overviewQueries } from '../data/overview-queries';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount, formatShare, formatSignedShare } from '../format';
import { UNKNOWN_TEXT } from '../i18n/codes';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';

/**
 * Category shares as a two-level treemap (click a block to filter to it: first level, then second) and the
 * second-level categories that rose most against the previous period.
 */
export function CategoryPanel() {
  const { filters, update } = useDashboardFilters();
  const { t, lang } = useText();
  const query = useQuery(overviewQueries.categoryShares(filters));

  const names = useMemo(() => {
    const l1 = (r: CategoryShareRow) => (lang === 'en' ? r.l1En : r.l1Zh) ?? t(UNKNOWN_TEXT.category);
    const l2 = (r: CategoryShareRow) => (lang === 'en' ? r.l2En : r.l2Zh) ?? l1(r);
    return { l1, l2 };
  }, [lang, t]);

  const treemap = useMemo(
    () =>
      query.data
        ? categoryTreemapOption(query.data.rows, {
            l1Name: names.l1,
            l2Name: names.l2,
            tooltip: (name, tickets, share) =>
              `${name}<br/>${formatCount(tickets, lang)} ${t({ zh: '件', en: 'appeals' })} · ${formatShare(share, lang)}`,
          })
        : null,
    [query.data, names, lang, t],
  );

  const rising = useMemo(
    () =>
      query.data
        ? rankedBarOption(
            query.data.rising.map((r) => {
              // Null on the wire when the rise would give a suppressed count back (docs/security.md): no bar, "—".
              const change = r.change as number | null;
              return {
                key: r.l2,
                name: names.l2(r),
                value: change ?? 0,
                note:
                  change === null
                    ? '—'
                    : `+${formatCount(change, lang)}${r.changeRate === null ? '' : lang === 'en' ? ` (${formatSignedShare(r.changeRate, lang)})` : `（${formatSignedShare(r.changeRate, lang)}）`}`,
              };
            }),
            { colour: RISE_COLOUR, valueName: t({ zh: '较上期增加', en: 'Increase on previous period' }) },
          )
        : null,
    [query.data, names, lang, t],
  );

  const body = (content: (data: NonNullable<typeof query.data>) => React.ReactNode) =>
    query.isPending ? <Loading /> : query.isError ? <ErrorNotice error={query.error} /> : content(query.data);

  return (
    <>
      <Panel title={t({ zh: '诉求类别构成', en: 'Categories' })} className="wide" testId="category-shares">
        {body((data) =>
          data.rows.length === 0 || !treemap ? (
            <Empty />
          ) : (
            <EChart
              option={treemap}
              height={320}
              label={t({ zh: '诉求类别矩形树图', en: 'Category treemap' })}
              onClick={(click) => {
                const code = (click.data as CategoryNode | undefined)?.code;
                if (code) update({ category: code });
              }}
            />
          ),
        )}
      </Panel>
      <Panel
        title={t({ zh: '上升最多的类别（较上期）', en: 'Categories rising most (vs previous period)' })}
        testId="rising-categories"
      >
        {body((data) =>
          data.rising.length === 0 || !rising ? (
            <Empty>
              {t({
                zh: '没有较上期明显上升的类别。',
                en: 'No category rose noticeably on the previous period.',
              })}
            </Empty>
          ) : (
            <EChart
              option={rising}
              height={320}
              label={t({ zh: '上升类别排行', en: 'Rising categories' })}
              onClick={(click) => {
                const key = (click.data as { key?: string } | undefined)?.key;
                if (key) update({ category: key });
              }}
            />
          ),
        )}
      </Panel>
    </>
  );
}
