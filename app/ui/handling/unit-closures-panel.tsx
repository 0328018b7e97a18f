'use client';

import { useQuery } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import { formatCount, formatShare } from '../format';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';
import { handlingQueries } from './handling-queries';

/** Per unit: closures that came back (reopened after closure), closures within the hour, satisfied but reopened. */
export function UnitClosuresPanel({ filters, window }: { filters: Filters; window: number }) {
  const { t, lang } = useText();
  const units = useQuery(handlingQueries.units(filters, window));
  let body: React.ReactNode;
  if (units.isPending) body = <Loading height={300} />;
  else if (units.isError) body = <ErrorNotice error={units.error} height={300} />;
  else {
    const ranked = units.data.filter((u) => u.ranked);
    body =
      ranked.length === 0 ? (
        <Empty height={160}>
          {t({
            zh: '所选条件下没有办结 30 件以上的单位。',
            en: 'No unit closed 30 tickets or more under these filters.',
          })}
        </Empty>
      ) : (
        <div className="table-scroll" style={{ maxHeight: 360, overflowY: 'auto' }}>
          <table className="data-table" data-testid="unit-closures">
            <thead>
              <tr>
                <th>{t({ zh: '承办单位', en: 'Unit' })}</th>
                <th>{t({ zh: '办结', en: 'Closures' })}</th>
                <th>{t({ zh: '办结后重复诉求率', en: 'Reopened after closure' })}</th>
                <th>{t({ zh: '一小时内办结占比', en: 'Closed within the hour' })}</th>
                <th>{t({ zh: '满意后又重复诉求', en: 'Satisfied, then reopened' })}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.slice(0, 30).map((u) => (
                <tr key={u.unit} data-unit={u.unit}>
                  <td>{u.unit}</td>
                  <td>{formatCount(u.closures, lang)}</td>
                  <td data-testid="reopened-rate">{formatShare(u.reopenedAfterClosureRate, lang)}</td>
                  <td>{formatShare(u.fastClosureShare, lang)}</td>
                  <td>{formatShare(u.satisfiedButReopenedShare, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
  return (
    <Panel title={t({ zh: '办结是否经得起检验（虚假办结）', en: 'Do closures hold?' })}>
      <p className="panel-note">
        {t({
          zh: `办结（已解决或评价满意）后 ${window} 天内，同一来电人或同一地点就同一问题再次诉求，计为“办结后重复诉求”。`,
          en: `A closure (resolved or rated satisfied) followed within ${window} days by an appeal on the same problem from the same caller or at the same place counts as reopened after closure.`,
        })}
      </p>
      {body}
    </Panel>
  );
}
