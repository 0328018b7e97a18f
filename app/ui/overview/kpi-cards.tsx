'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { KPI_IDS, KPIS, type KpiId } from '@/lib/sql/kpis';
import { overviewQueries } from '../data/overview-queries';
import { useDashboard } from '../filters/dashboard-context';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import {
  formatCount,
  formatHours,
  formatPoints,
  formatShare,
  formatSignedShare,
  relativeChange,
} from '../format';
import type { Lang } from '../i18n/lang';
import { useText } from '../i18n/preferences';
import { ErrorNotice, Loading } from '../states/widget-state';

/** The ticket-list flag behind each KPI, so a click on the number opens the tickets it counts. */
const DRILL_FLAG: Partial<Record<KpiId, string>> = {
  overdueCount: 'overdue',
  returnRate: 'returned',
  repeatRate: 'repeat',
  resolvedRate: 'unresolved',
  satisfactionRate: 'dissatisfied',
};

function formatValue(id: KpiId, value: number | null, lang: Lang): string {
  const unit = KPIS[id].unit;
  if (unit === 'share') return formatShare(value, lang);
  if (unit === 'hours') return formatHours(value, lang);
  return formatCount(value, lang);
}

/** A change as the reader wants it: percentage points for rates, a relative change for counts and times. */
function formatChange(
  id: KpiId,
  current: number | null,
  base: number | null,
  lang: Lang,
): { text: string; tone: string } {
  const definition = KPIS[id];
  const delta = current === null || base === null ? null : current - base;
  const text =
    definition.unit === 'share'
      ? formatPoints(current, base, lang)
      : formatSignedShare(relativeChange(current, base), lang);
  if (delta === null || delta === 0 || text === '—') return { text, tone: 'flat' };
  const good = delta > 0 === definition.higherIsBetter;
  return { text, tone: good ? 'good' : 'bad' };
}

/** The eight KPI cards with month-on-month (环比) and year-on-year (同比) change; each explains its formula on hover. */
export function KpiCards() {
  const { filters, filterQuery } = useDashboardFilters();
  const { lang, t } = useText();
  const { pages } = useDashboard();
  // Readers without ticket access get the numbers without the drill into their tickets.
  const canDrill = (pages as string[]).includes('/tickets');
  const query = useQuery(overviewQueries.kpis(filters));
  if (query.isPending) return <Loading height={180} />;
  if (query.isError) return <ErrorNotice error={query.error} height={180} />;
  const { current, previous, lastYear, ranges } = query.data;
  const previousLabel = `${ranges.previous.from} – ${ranges.previous.to}`;
  const lastYearLabel = `${ranges.lastYear.from} – ${ranges.lastYear.to}`;

  return (
    <div className="kpi-grid" data-testid="kpi-cards">
      {KPI_IDS.map((id) => {
        const definition = KPIS[id];
        const mom = formatChange(id, current[id], previous[id], lang);
        const yoy = formatChange(id, current[id], lastYear[id], lang);
        const flag = DRILL_FLAG[id];
        const drill = `/tickets?${filterQuery}${flag ? `${filterQuery ? '&' : ''}flag=${flag}` : ''}`;
        return (
          <article key={id} className="kpi-card" data-kpi={id} data-value={current[id] ?? ''}>
            <h3>{t(definition.name)}</h3>
            {canDrill ? (
              <Link
                className="kpi-value"
                href={drill}
                title={t({ zh: '查看这些诉求', en: 'See these tickets' })}
              >
                {formatValue(id, current[id], lang)}
              </Link>
            ) : (
              <span className="kpi-value">{formatValue(id, current[id], lang)}</span>
            )}
            <dl className="kpi-changes">
              <div className={`change ${mom.tone}`} title={previousLabel}>
                <dt>{t({ zh: '环比', en: 'vs prev.' })}</dt>
                <dd data-change="previous">{mom.text}</dd>
              </div>
              <div className={`change ${yoy.tone}`} title={lastYearLabel}>
                <dt>{t({ zh: '同比', en: 'vs last yr' })}</dt>
                <dd data-change="lastYear">{yoy.text}</dd>
              </div>
            </dl>
            <p className="kpi-formula" id={`kpi-formula-${id}`} role="tooltip">
              {t(definition.formula)}
              <br />
              {t({ zh: '环比：', en: 'Previous period: ' })}
              {previousLabel}
              {t({ zh: '；同比：', en: '; last year: ' })}
              {lastYearLabel}
            </p>
          </article>
        );
      })}
    </div>
  );
}
