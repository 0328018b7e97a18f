'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import type { CloudWord } from '@/lib/charts/word-cloud-option';
import type { HotWords } from '@/lib/queries/hot-words';
import { wordQueries } from '../data/word-queries';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount, formatDate, formatDecimal, formatShare } from '../format';
import type { Lang } from '../i18n/lang';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';
import { WordCloud } from './word-cloud';

const formatRatio = (ratio: number | null, lang: Lang) =>
  ratio === null ? '—' : `×${formatDecimal(ratio, lang, ratio >= 10 ? 0 : 1)}`;

/** The ranked hot words and their cloud; each word links to the tickets of this period that contain it. */
export function HotWordsView() {
  const { filters, filterQuery } = useDashboardFilters();
  const { t, lang } = useText();
  const router = useRouter();
  const query = useQuery(wordQueries.hotWords(filters));

  const ticketsHref = useCallback(
    (term: string) => {
      const params = new URLSearchParams(filterQuery);
      params.set('q', term);
      return `/tickets?${params}`;
    },
    [filterQuery],
  );
  // Without a significant rise the cloud shows the most frequent words, in the neutral colour of ratio 1.
  const cloudWords: CloudWord[] = useMemo(() => {
    const words = query.data?.words ?? [];
    return words.length > 0
      ? words.map((w) => ({ term: w.term, weight: w.count, ratio: w.ratio }))
      : (query.data?.frequent ?? []).map((f) => ({ term: f.term, weight: f.count, ratio: 1 }));
  }, [query.data]);
  const tooltip = useCallback(
    (word: CloudWord) =>
      `${word.term}<br/>${t({ zh: '本期', en: 'this period' })} ${formatCount(word.weight, lang)} · ${formatRatio(word.ratio, lang)}`,
    [t, lang],
  );

  if (query.isPending) return <Loading height={360} />;
  if (query.isError) return <ErrorNotice error={query.error} height={360} />;
  const data: HotWords = query.data;
  if (!data.available)
    return (
      <Empty height={200}>
        {t({
          zh: '还没有词语统计：请运行 npm run etl -- analyse --only terms。',
          en: 'No word statistics yet: run npm run etl -- analyse --only terms.',
        })}
      </Empty>
    );
  if (data.period.tickets === 0) return <Empty height={200} />;

  const basis = (
    <p className="widget-note" data-testid="hot-words-basis">
      {t({ zh: '本期 ', en: 'This period: ' })}
      {formatCount(data.period.tickets, lang)}
      {t({ zh: ' 件诉求；基线 ', en: ' appeals; baseline ' })}
      {formatDate(data.baseline.from, lang)} – {formatDate(data.baseline.to, lang)}
      {t({ zh: '：', en: ': ' })}
      {formatCount(data.baseline.tickets, lang)}
      {t({
        zh: ` 件。显著性：对数似然比 G²，错误发现率 5%，本期至少 ${data.minCount} 件。`,
        en: ` appeals. Significance: log-likelihood G², false discovery rate 5 %, at least ${data.minCount} appeals this period.`,
      })}
    </p>
  );

  return (
    <div className="panel-grid">
      <Panel title={t({ zh: '热词云', en: 'Word cloud' })} testId="word-cloud-panel">
        {data.words.length === 0 ? (
          <p className="widget-note" data-testid="no-hot-words">
            {t({
              zh: '本期没有显著上升的词语。词云和排行显示本期最常见的词语。',
              en: 'No word rose significantly this period. The cloud and the list show the most frequent words.',
            })}
          </p>
        ) : null}
        {cloudWords.length === 0 ? (
          <Empty height={320} />
        ) : (
          <WordCloud
            words={cloudWords}
            label={t({
              zh: '热词云：字越大，本期诉求越多',
              en: 'Word cloud: larger words appear in more appeals',
            })}
            tooltip={tooltip}
            onWord={(term) => router.push(ticketsHref(term))}
          />
        )}
      </Panel>
      <Panel title={t({ zh: '热词排行', en: 'Ranked hot words' })} testId="hot-words-panel">
        {basis}
        {data.words.length > 0 ? (
          <table className="anomaly-table" data-testid="hot-words-table">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>{t({ zh: '词语', en: 'Word' })}</th>
                <th className="num">{t({ zh: '本期诉求', en: 'Appeals' })}</th>
                <th className="num">{t({ zh: '本期占比', en: 'Share' })}</th>
                <th className="num">{t({ zh: '基线占比', en: 'Baseline' })}</th>
                <th className="num">{t({ zh: '倍数', en: 'Rise' })}</th>
                <th className="num">G²</th>
              </tr>
            </thead>
            <tbody>
              {data.words.map((w, i) => (
                <tr key={w.term} data-term={w.term}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <Link href={ticketsHref(w.term)} prefetch={false}>
                      {w.term}
                    </Link>
                  </td>
                  <td className="num">{formatCount(w.count, lang)}</td>
                  <td className="num">{formatShare(w.share, lang)}</td>
                  <td className="num">{formatShare(w.baselineShare, lang)}</td>
                  <td className="num">{formatRatio(w.ratio, lang)}</td>
                  <td className="num">{formatDecimal(w.g2, lang, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <ol className="frequent-words" data-testid="frequent-words">
            {data.frequent.map((f) => (
              <li key={f.term}>
                <Link href={ticketsHref(f.term)} prefetch={false}>
                  {f.term}
                </Link>{' '}
                {formatCount(f.count, lang)}
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </div>
  );
}
