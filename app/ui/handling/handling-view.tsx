'use client';

import { HANDLING_PARAMETERS } from '@/lib/analytics/handling/parameters';
import { HANDLING_DIMENSIONS, type HandlingDimension } from '@/lib/queries/handling-params';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { ViewHeading } from '../frame/view-heading';
import { useText } from '../i18n/preferences';
import { BouncePairsPanel } from './bounce-pairs-panel';
import { EscalationsPanel } from './escalations-panel';
import { handlingFilters } from './handling-range';
import { HandlingRatesPanel } from './handling-rates-panel';
import { UnitClosuresPanel } from './unit-closures-panel';

const WINDOWS = [7, 15, 30, 60, 90];
// Two equal columns where they fit, one below (globals.css is shared by every view, so the layout stays here).
const GRID_STYLE: React.CSSProperties = {
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 520px), 1fr))',
};

/**
 * 办理质量: where the handling chain breaks. Bounce pairs, re-dispatch and multi-unit rates, 3+-dispatch and
 * escalated tickets, and whether each unit's closures hold. `window` and `by` live in the URL.
 */
export function HandlingView() {
  const { filters: urlFilters, searchParams, update } = useDashboardFilters();
  const { t } = useText();
  const filters = handlingFilters(urlFilters, searchParams.has('from'));
  const window = Number(searchParams.get('window')) || HANDLING_PARAMETERS.reopenWindowDays;
  const rawBy = searchParams.get('by');
  const by: HandlingDimension = HANDLING_DIMENSIONS.includes(rawBy as HandlingDimension)
    ? (rawBy as HandlingDimension)
    : 'category';
  return (
    <>
      <ViewHeading title={{ zh: '办理质量', en: 'Handling quality' }} range={filters} asOf={false}>
        <label>
          {t({ zh: '重复诉求时间窗', en: 'Reopen window' })}{' '}
          <select
            data-testid="reopen-window"
            value={window}
            onChange={(e) => update({ window: e.target.value === '30' ? null : e.target.value })}
          >
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {w} {t({ zh: '天', en: 'days' })}
              </option>
            ))}
          </select>
        </label>
      </ViewHeading>
      <div className="panel-grid" style={GRID_STYLE}>
        <BouncePairsPanel filters={filters} />
        <UnitClosuresPanel filters={filters} window={window} />
        <HandlingRatesPanel
          filters={filters}
          by={by}
          onBy={(b) => update({ by: b === 'category' ? null : b })}
        />
        <EscalationsPanel filters={filters} />
      </div>
    </>
  );
}
