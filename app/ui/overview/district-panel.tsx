'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { overviewQueries } from '../data/overview-queries';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount, formatDecimal } from '../format';
import { UNKNOWN_TEXT } from '../i18n/codes';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';

/**
 * Districts (or a district's streets) ranked by appeals, or by appeals per 10,000 residents where the population
 * is known. Clicking a name drills into that region.
 */
export function DistrictPanel() {
  const { filters, update } = useDashboardFilters();
  const { t, lang } = useText();
  const [perCapita, setPerCapita] = useState(false);
  const query = useQuery(overviewQueries.districtRanking(filters));

  const actions = (
    <fieldset className="segmented">
      <legend className="visually-hidden">{t({ zh: '排序依据', en: 'Rank by' })}</legend>
      <button type="button" aria-pressed={!perCapita} onClick={() => setPerCapita(false)}>
        {t({ zh: '件数', en: 'Appeals' })}
      </button>
      <button type="button" aria-pressed={perCapita} onClick={() => setPerCapita(true)}>
        {t({ zh: '每万人', en: 'Per 10,000' })}
      </button>
    </fieldset>
  );

  let content: React.ReactNode;
  if (query.isPending) content = <Loading />;
  else if (query.isError) content = <ErrorNotice error={query.error} />;
  else if (query.data.length === 0) content = <Empty />;
  else {
    const rows = perCapita ? [...query.data].sort((a, b) => (b.per10k ?? -1) - (a.per10k ?? -1)) : query.data;
    const max = Math.max(...rows.map((r) => (perCapita ? (r.per10k ?? 0) : r.tickets)), 1);
    const missingPopulation = rows.some((r) => r.code !== null && r.per10k === null);
    content = (
      <>
        <table className="ranking" data-testid="district-ranking-table">
          <thead>
            <tr>
              <th>{t({ zh: '地区', en: 'Region' })}</th>
              <th className="num">{t({ zh: '诉求件数', en: 'Appeals' })}</th>
              <th className="num">{t({ zh: '每万人', en: 'Per 10,000' })}</th>
              <th>
                <span className="visually-hidden">{t({ zh: '比例条', en: 'Bar' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const value = perCapita ? (row.per10k ?? 0) : row.tickets;
              return (
                <tr key={row.code ?? 'none'}>
                  <td>
                    {row.code ? (
                      <button type="button" className="link" onClick={() => update({ region: row.code })}>
                        {row.name ?? row.code}
                      </button>
                    ) : (
                      t(UNKNOWN_TEXT.region)
                    )}
                  </td>
                  <td className="num">{formatCount(row.tickets, lang)}</td>
                  <td className="num">{formatDecimal(row.per10k, lang)}</td>
                  <td className="bar-cell">
                    <span className="bar" style={{ width: `${(value / max) * 100}%` }} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {missingPopulation ? (
          <p className="footnote">
            {t({
              zh: '“—”：该地区没有可靠的常住人口数，未计算每万人诉求量。',
              en: '“—”: no reliable resident population for the region, so no per-10,000 rate.',
            })}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <Panel title={t({ zh: '地区排行', en: 'Regions' })} actions={actions} testId="district-ranking">
      {content}
    </Panel>
  );
}
