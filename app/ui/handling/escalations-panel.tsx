'use client';

import { useQuery } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import { formatCount, formatDecimal } from '../format';
import { useText } from '../i18n/preferences';
import { ErrorNotice, Loading, Panel } from '../states/widget-state';
import { handlingQueries } from './handling-queries';

/** Tickets dispatched three or more times and escalated tickets, longest waiting first. */
export function EscalationsPanel({ filters }: { filters: Filters }) {
  const { t, lang } = useText();
  const data = useQuery(handlingQueries.escalations(filters));
  const title = t({ zh: '三次以上派单与督办工单', en: 'Dispatched 3+ times and escalated' });
  if (data.isPending)
    return (
      <Panel title={title}>
        <Loading height={240} />
      </Panel>
    );
  if (data.isError)
    return (
      <Panel title={title}>
        <ErrorNotice error={data.error} height={240} />
      </Panel>
    );
  const s = data.data;
  return (
    <Panel title={title} testId="escalations">
      <p data-testid="escalation-summary">
        {t({ zh: '三次以上派单', en: 'Dispatched 3+ times' })}{' '}
        <strong>{formatCount(s.dispatchedThreeTimes, lang)}</strong> ·{' '}
        {t({ zh: '督办/提级', en: 'Escalated' })} <strong>{formatCount(s.escalated, lang)}</strong> ·{' '}
        {t({ zh: '督办工单总历时中位数', en: 'Median time escalated tickets took' })}{' '}
        <strong>{formatDecimal(s.escalatedMedianWaitDays, lang)}</strong> {t({ zh: '天', en: 'days' })}
      </p>
      <div className="table-scroll" style={{ maxHeight: 300, overflowY: 'auto' }}>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t({ zh: '工单编号', en: 'Ticket' })}</th>
              <th>{t({ zh: '受理日期', en: 'Received' })}</th>
              <th>{t({ zh: '类别', en: 'Category' })}</th>
              <th>{t({ zh: '承办单位', en: 'Unit' })}</th>
              <th>{t({ zh: '派单次数', en: 'Dispatches' })}</th>
              <th>{t({ zh: '督办', en: 'Escalated' })}</th>
              <th>{t({ zh: '历时（天）', en: 'Days taken' })}</th>
            </tr>
          </thead>
          <tbody>
            {s.tickets.slice(0, 20).map((x) => (
              <tr key={x.ticketId}>
                {/* A long id breaks anywhere, so the unit's name is not squeezed to a character a line. */}
                <td style={{ wordBreak: 'break-all', minWidth: '7em' }}>{x.ticketId}</td>
                <td>{x.receivedAt}</td>
                <td>{lang === 'zh' ? x.categoryZh : x.categoryEn}</td>
                <td style={{ minWidth: '7em' }}>{x.leadUnit}</td>
                <td>{x.dispatchCount ?? '–'}</td>
                <td>{x.escalated ? t({ zh: '是', en: 'yes' }) : t({ zh: '否', en: 'no' })}</td>
                <td>{formatDecimal(x.waitedDays, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="panel-note">
        {t({
          zh: '导出数据不含督办时间，历时为受理至办结（未办结的算至数据截止）。',
          en: 'The exports carry no escalation time: days taken run from receipt to closure (or to the end of the data when still open).',
        })}
      </p>
    </Panel>
  );
}
