'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDashboard } from '../filters/dashboard-context';
import { formatCount, formatShare } from '../format';
import { useText } from '../i18n/preferences';
import { ErrorNotice, Loading, Panel } from '../states/widget-state';
import { dispatchQueries, postDispatchSuggestion } from './dispatch-queries';
import { DispatchSuggestions } from './dispatch-suggestions';

/**
 * 智能分拨: a call-taker pastes an appeal, optionally picks its category and district, and sees the suggested lead
 * and co-handling units with the past tickets behind them, and how accurate the suggestion was on later tickets.
 */
export function DispatchView() {
  const { t, lang } = useText();
  const { options } = useDashboard();
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [region, setRegion] = useState('');
  const backtest = useQuery(dispatchQueries.backtest());
  const suggest = useMutation({ mutationFn: postDispatchSuggestion });
  const categories = options.categories.filter((c) => c.level === 2);
  const districts = options.regions.filter((r) => r.level === 3);
  return (
    <>
      <div className="view-heading">
        <h1>{t({ zh: '智能派单建议', en: 'Dispatch suggestion' })}</h1>
        <p className="subtitle" data-testid="dispatch-accuracy">
          {backtest.data
            ? t({
                zh: `按时间回测：${backtest.data.testFrom} 至 ${backtest.data.testTo} 的 ${formatCount(backtest.data.tickets, lang)} 件工单，首选命中率 ${formatShare(backtest.data.top1, lang)}，前三命中率 ${formatShare(backtest.data.top3, lang)}`,
                en: `Time-based backtest on ${formatCount(backtest.data.tickets, lang)} tickets from ${backtest.data.testFrom} to ${backtest.data.testTo}: top-1 accuracy ${formatShare(backtest.data.top1, lang)}, top-3 ${formatShare(backtest.data.top3, lang)}`,
              })
            : ''}
        </p>
      </div>
      <div className="panel-grid">
        <Panel title={t({ zh: '诉求内容', en: 'Appeal' })}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              suggest.mutate({
                text,
                category: category || undefined,
                region: region || undefined,
              });
            }}
            className="dispatch-form"
          >
            <textarea
              data-testid="dispatch-text"
              rows={6}
              maxLength={4000}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t({ zh: '粘贴来电记录或留言内容', en: 'Paste the call notes or the message' })}
            />
            <select
              data-testid="dispatch-category"
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              aria-label={t({ zh: '类别', en: 'Category' })}
            >
              <option value="">{t({ zh: '类别（可不选）', en: 'Category (optional)' })}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {lang === 'zh' ? c.name : (c.nameEn ?? c.name)}
                </option>
              ))}
            </select>
            <select
              data-testid="dispatch-region"
              value={region}
              onChange={(e) => setRegion(e.target.value)}
              aria-label={t({ zh: '区县', en: 'District' })}
            >
              <option value="">{t({ zh: '区县（可不选）', en: 'District (optional)' })}</option>
              {districts.map((r) => (
                <option key={r.code} value={r.code}>
                  {lang === 'zh' ? r.name : (r.nameEn ?? r.name)}
                </option>
              ))}
            </select>
            <button
              type="submit"
              data-testid="dispatch-submit"
              disabled={text.trim().length < 2 || suggest.isPending}
            >
              {t({ zh: '给出建议', en: 'Suggest' })}
            </button>
          </form>
        </Panel>
        <Panel title={t({ zh: '建议', en: 'Suggestions' })}>
          {suggest.isPending ? (
            <Loading height={200} />
          ) : suggest.isError ? (
            <ErrorNotice error={suggest.error} height={200} />
          ) : suggest.data ? (
            <DispatchSuggestions answer={suggest.data} />
          ) : (
            <p>
              {t({
                zh: '建议依据以往未被退回的办结工单，结合诉求文字、类别和地点。过往工单只显示脱敏后的文字。',
                en: 'Suggestions learn from past tickets closed without being returned, from the text, category and place. Past tickets show masked text only.',
              })}
            </p>
          )}
        </Panel>
      </div>
    </>
  );
}
