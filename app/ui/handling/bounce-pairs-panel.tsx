'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Filters } from '@/lib/filters/filters';
import type { BouncePair } from '@/lib/queries/handling-bounces';
import { EChart } from '../charts/echart';
import { formatCount } from '../format';
import { usePreferences, useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';
import { bounceSankey } from './bounce-sankey-option';
import { handlingQueries } from './handling-queries';
import './register-sankey';
import { useWidth } from './use-width';

/** How many pairs the list and the chart show. */
const SHOWN = 10;

/** The units that bounce tickets between each other most: a ranked list and a Sankey of the same pairs. */
export function BouncePairsPanel({ filters }: { filters: Filters }) {
  const { t } = useText();
  const pairs = useQuery(handlingQueries.bouncePairs(filters));
  const title = t({ zh: '推诿扯皮的单位对（反复派单）', en: 'Units bouncing tickets between them' });
  if (pairs.isPending)
    return (
      <Panel title={title}>
        <Loading height={360} />
      </Panel>
    );
  if (pairs.isError)
    return (
      <Panel title={title}>
        <ErrorNotice error={pairs.error} height={360} />
      </Panel>
    );
  if (pairs.data.length === 0)
    return (
      <Panel title={title}>
        <Empty height={200}>
          {t({
            zh: '所选条件下没有在单位之间退回或反复派出的工单。',
            en: 'No ticket was returned or re-dispatched between units under these filters.',
          })}
        </Empty>
      </Panel>
    );
  return <BouncePairs pairs={pairs.data} title={title} />;
}

function BouncePairs({ pairs, title }: { pairs: BouncePair[]; title: string }) {
  const { t, lang } = useText();
  const { largeText } = usePreferences();
  const [chartBox, width] = useWidth<HTMLDivElement>();
  const shown = useMemo(() => pairs.slice(0, SHOWN), [pairs]);
  const unit = t({ zh: '件', en: 'tickets' });
  // Drawn once its width is known: the names are cut to the room each column has.
  const sankey = useMemo(
    () => (width > 0 ? bounceSankey(shown, { width, fontSize: largeText ? 16 : 12 }, unit) : null),
    [shown, width, largeText, unit],
  );
  return (
    <Panel title={title} testId="bounce-pairs">
      <p className="panel-note">
        {t({
          zh: '被退回或多次派单、且涉及两个以上单位的工单。排在前面的单位对，职责边界最需要在权责清单中理清。',
          en: 'Tickets returned or dispatched more than once between several units. The pairs at the top are the responsibility boundaries most in need of settling in the responsibility list.',
        })}
      </p>
      <ol className="bounce-pairs" data-testid="bounce-pair-list" style={{ margin: 0, paddingLeft: '1.6em' }}>
        {shown.map((p) => (
          <li key={`${p.unitA}|${p.unitB}`} data-units={`${p.unitA}|${p.unitB}`}>
            <strong>
              {p.unitA} ⇄ {p.unitB}
            </strong>{' '}
            <span data-testid="bounced-tickets">{formatCount(p.bouncedTickets, lang)}</span>{' '}
            {t({ zh: '件', en: 'tickets' })}
            {p.escalated > 0
              ? ` · ${t({ zh: '督办', en: 'escalated' })} ${formatCount(p.escalated, lang)}`
              : ''}
            <br />
            <small>
              {p.categories
                .map((c) => `${lang === 'zh' ? c.zh : c.en} ${formatCount(c.tickets, lang)}`)
                .join('、')}
            </small>
          </li>
        ))}
      </ol>
      <div ref={chartBox} data-testid="bounce-sankey">
        {sankey && (
          <EChart
            option={sankey.option}
            height={sankey.height}
            label={t({ zh: '单位之间反复派单的桑基图', en: 'Sankey of tickets bounced between units' })}
          />
        )}
      </div>
    </Panel>
  );
}
