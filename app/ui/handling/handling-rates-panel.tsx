'use client';

import { useQuery } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import { HANDLING_DIMENSIONS, type HandlingDimension } from '@/lib/queries/handling-params';
import { formatCount, formatShare } from '../format';
import type { Text } from '../i18n/lang';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';
import { handlingQueries } from './handling-queries';

const DIMENSION_TEXT: Record<HandlingDimension, Text> = {
  category: { zh: '按类别', en: 'By category' },
  region: { zh: '按区县', en: 'By district' },
  unit: { zh: '按承办单位', en: 'By unit' },
};

/** Re-dispatch (反复派单) and multi-unit (多头派单) rates by category, district or unit, most re-dispatched first. */
export function HandlingRatesPanel({
  filters,
  by,
  onBy,
}: {
  filters: Filters;
  by: HandlingDimension;
  onBy: (by: HandlingDimension) => void;
}) {
  const { t, lang } = useText();
  const rates = useQuery(handlingQueries.rates(filters, by));
  let body: React.ReactNode;
  if (rates.isPending) body = <Loading height={300} />;
  else if (rates.isError) body = <ErrorNotice error={rates.error} height={300} />;
  else if (rates.data.length === 0)
    body = (
      <Empty height={160}>
        {t({
          zh: '所选条件下工单太少（每组至少 20 件）。',
          en: 'Too few tickets under these filters (20 per group).',
        })}
      </Empty>
    );
  else
    body = (
      <div className="table-scroll" style={{ maxHeight: 360, overflowY: 'auto' }}>
        <table className="data-table" data-testid="handling-rates">
          <thead>
            <tr>
              <th>{t(DIMENSION_TEXT[by])}</th>
              <th>{t({ zh: '工单', en: 'Tickets' })}</th>
              <th>{t({ zh: '重复派单率', en: 'Re-dispatch rate' })}</th>
              <th>{t({ zh: '多单位办理率', en: 'Multi-unit rate' })}</th>
              <th>{t({ zh: '推诿件', en: 'Bounced' })}</th>
            </tr>
          </thead>
          <tbody>
            {rates.data.slice(0, 40).map((r) => (
              <tr key={r.key}>
                <td>{lang === 'zh' ? r.zh : r.en}</td>
                <td>{formatCount(r.tickets, lang)}</td>
                <td>{formatShare(r.redispatchRate, lang)}</td>
                <td>{formatShare(r.multiUnitRate, lang)}</td>
                <td>{formatCount(r.bounced, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  return (
    <Panel
      title={t({ zh: '重复派单与多头派单', en: 'Re-dispatch and multi-unit handling' })}
      actions={
        <select
          aria-label={t({ zh: '分组', en: 'Group by' })}
          data-testid="handling-by"
          value={by}
          onChange={(e) => onBy(e.target.value as HandlingDimension)}
        >
          {HANDLING_DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {t(DIMENSION_TEXT[d])}
            </option>
          ))}
        </select>
      }
    >
      <p className="panel-note">
        {t({
          zh: '重复派单率只计算注明派单次数的工单（12345 热线工单）；网络问政和 App 不含此字段。',
          en: 'The re-dispatch rate counts only tickets that report the dispatch count (hotline work orders); the web and app exports do not.',
        })}
      </p>
      {body}
    </Panel>
  );
}
