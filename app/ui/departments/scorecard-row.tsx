'use client';

import Link from 'next/link';
import type { DepartmentScorecardRow } from '@/lib/queries/department-scorecard';
import { formatCount, formatDecimal, formatHours, formatShare } from '../format';
import type { Lang } from '../i18n/lang';
import { useText } from '../i18n/preferences';
import { SCORECARD_COLUMNS, type ScorecardColumn } from './scorecard-columns';

/** The place a department moved since the previous period: ▲ up, ▼ down, – the same, 新 newly ranked. */
function RankChange({ row }: { row: DepartmentScorecardRow }) {
  const { t } = useText();
  if (row.rank === null) return null;
  if (row.previousRank === null)
    return (
      <span
        className="rank-change new"
        title={t({ zh: '上期未参与排名', en: 'Not ranked in the previous period' })}
      >
        {t({ zh: '新', en: 'new' })}
      </span>
    );
  const moved = row.previousRank - row.rank;
  const label =
    moved === 0
      ? t({ zh: '名次与上期相同', en: 'Same place as the previous period' })
      : moved > 0
        ? t({ zh: `较上期上升 ${moved} 位`, en: `Up ${moved} on the previous period` })
        : t({ zh: `较上期下降 ${-moved} 位`, en: `Down ${-moved} on the previous period` });
  return (
    <span className={`rank-change ${moved > 0 ? 'up' : moved < 0 ? 'down' : 'same'}`} title={label}>
      <span aria-hidden="true">{moved > 0 ? `▲${moved}` : moved < 0 ? `▼${-moved}` : '–'}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

function cellText(column: ScorecardColumn, row: DepartmentScorecardRow, lang: Lang): string {
  const value = column.value(row);
  if (typeof value === 'string') return value;
  if (column.kind === 'share') return formatShare(value, lang);
  if (column.kind === 'hours') return formatHours(value, lang);
  if (column.kind === 'score') return formatDecimal(value, lang);
  return formatCount(value, lang);
}

/**
 * One department: its rank and move, its name (a click filters every view to it), its figures, the score as a bar
 * on 0–100, and its overdue count linking to those tickets.
 */
export function ScorecardRow({
  row,
  onSelect,
  overdueHref,
}: {
  row: DepartmentScorecardRow;
  onSelect: (department: string) => void;
  overdueHref: string;
}) {
  const { t, lang } = useText();
  const { current } = row;
  return (
    <tr data-department={row.department} data-rank={row.rank ?? ''}>
      {SCORECARD_COLUMNS.map((column) => {
        switch (column.kind) {
          case 'rank':
            return (
              <td key={column.id} className="rank-cell">
                <span className="rank">{row.rank ?? '—'}</span>
                <RankChange row={row} />
              </td>
            );
          case 'text':
            return (
              <th key={column.id} scope="row" className="department-name">
                <button
                  type="button"
                  className="link"
                  onClick={() => onSelect(row.department)}
                  title={t({ zh: '只看这个部门', en: 'Show only this department' })}
                >
                  {row.department}
                </button>
              </th>
            );
          case 'score': {
            const change = row.scoreChange;
            // The score is withheld (null) beside fewer than three appeals, for readers without ticket access.
            const title =
              current.score === null
                ? t({ zh: '诉求少于 3 件，不显示得分', en: 'Fewer than 3 appeals: no score shown' })
                : change === null
                  ? row.previous === null
                    ? t({ zh: '上期无诉求', en: 'No tickets in the previous period' })
                    : t({
                        zh: '上期诉求少于 3 件，不显示变化',
                        en: 'Fewer than 3 appeals last period: no change shown',
                      })
                  : `${t({ zh: '较上期 ', en: 'vs previous period ' })}${change >= 0 ? '+' : '−'}${formatDecimal(Math.abs(change), lang)}`;
            return (
              <td key={column.id} className="score-cell" data-col="score" title={title}>
                <span className="score-track" aria-hidden="true">
                  <span
                    className="score-bar"
                    style={{ width: `${Math.max(0, Math.min(100, current.score))}%` }}
                  />
                </span>
                <span className="score-value">{cellText(column, row, lang)}</span>
              </td>
            );
          }
          default:
            if (column.id === 'overdue' && current.overdue > 0)
              return (
                <td key={column.id} className="num" data-col={column.id}>
                  <Link
                    href={overdueHref}
                    title={t({ zh: '查看这些超期诉求', en: 'See these overdue tickets' })}
                  >
                    {cellText(column, row, lang)}
                  </Link>
                </td>
              );
            return (
              <td key={column.id} className="num" data-col={column.id}>
                {cellText(column, row, lang)}
              </td>
            );
        }
      })}
    </tr>
  );
}
