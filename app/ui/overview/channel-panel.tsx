'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { channelMixOption } from '@/lib/charts/channel-mix-option';
import { EChart } from '../charts/echart';
import { overviewQueries } from '../data/overview-queries';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount, formatShare } from '../format';
import { APPEAL_TYPE_TEXT, codeText, UNKNOWN_TEXT } from '../i18n/codes';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';

/** Appeals per intake channel (click to filter) and the appeal types each channel records. */
export function ChannelPanel() {
  const { filters, update } = useDashboardFilters();
  const { t, lang } = useText();
  const query = useQuery(overviewQueries.channelMix(filters));

  const channels = useMemo(() => {
    const totals = new Map<string, number>();
    for (const row of query.data ?? []) totals.set(row.channel, (totals.get(row.channel) ?? 0) + row.tickets);
    return [...totals].map(([channel, tickets]) => ({ channel, tickets }));
  }, [query.data]);
  const option = useMemo(
    () =>
      channelMixOption(channels, {
        tooltip: (name, tickets, share) =>
          `${name}<br/>${formatCount(tickets, lang)} · ${formatShare(share, lang)}`,
      }),
    [channels, lang],
  );

  let content: React.ReactNode;
  if (query.isPending) content = <Loading />;
  else if (query.isError) content = <ErrorNotice error={query.error} />;
  else if (channels.length === 0) content = <Empty />;
  else {
    const types = query.data.filter((r) => r.appealType !== null);
    const typed = types.reduce((sum, r) => sum + r.tickets, 0);
    content = (
      <>
        <EChart
          option={option}
          height={240}
          label={t({ zh: '渠道构成环形图', en: 'Channel mix ring chart' })}
          onClick={(click) => update({ channel: click.name })}
        />
        {types.length > 0 ? (
          <ul className="type-mix" aria-label={t({ zh: '诉求类型', en: 'Appeal types' })}>
            {Object.entries(
              types.reduce<Record<string, number>>((acc, r) => {
                acc[r.appealType as string] = (acc[r.appealType as string] ?? 0) + r.tickets;
                return acc;
              }, {}),
            )
              .sort((a, b) => b[1] - a[1])
              .map(([type, tickets]) => (
                <li key={type}>
                  <button type="button" className="link" onClick={() => update({ type })}>
                    {t(codeText(APPEAL_TYPE_TEXT, type, UNKNOWN_TEXT.appealType))}
                  </button>{' '}
                  {formatShare(tickets / typed, lang, 0)}
                </li>
              ))}
          </ul>
        ) : null}
      </>
    );
  }
  return (
    <Panel title={t({ zh: '渠道与诉求类型', en: 'Channels and appeal types' })} testId="channel-mix">
      {content}
    </Panel>
  );
}
