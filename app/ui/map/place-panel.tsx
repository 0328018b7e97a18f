'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { Filters } from '@/lib/filters/filters';
import type { PlaceShare } from '@/lib/queries/map-place';
import { mapQueries } from '../data/map-queries';
import { formatCount } from '../format';
import { useText } from '../i18n/preferences';
import { Empty, ErrorNotice, Loading, Panel } from '../states/widget-state';
import type { MapPlace } from './leaflet-map';
import { placeFilters, ticketsHref, trendsHref } from './place-links';
import { Sparkline } from './sparkline';

function Shares({ rows, total, testId }: { rows: PlaceShare[]; total: number; testId: string }) {
  const { t, lang } = useText();
  return (
    <ul className="map-bars" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.code ?? 'none'}>
          <span>
            {row.code === null
              ? t({ zh: '未分类/未知', en: 'Unknown' })
              : lang === 'en'
                ? (row.nameEn ?? row.name ?? row.code)
                : (row.name ?? row.code)}
          </span>
          <span className="map-num">{formatCount(row.tickets, lang)}</span>
          <span className="bar" style={{ width: `${(100 * row.tickets) / Math.max(1, total)}%` }} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The side panel of a clicked hexagon, district or hotspot: its appeals by month over the filters' whole range
 * (not only the slider's step), the category and department mix, the newest tickets, and links to the trends and
 * the ticket list for the same place.
 */
export function PlacePanel({
  place,
  filters,
  onClose,
}: {
  place: MapPlace;
  filters: Filters;
  onClose: () => void;
}) {
  const { t, lang } = useText();
  const query = useQuery(mapQueries.place(placeFilters(filters, place)));
  const summary = query.data;
  const trends = trendsHref(filters, place, summary);
  const title = place.kind === 'cell' ? `${t({ zh: '六边形', en: 'Hexagon' })} ${place.cell}` : place.label;
  return (
    <Panel
      title={title}
      testId="place-panel"
      className="map-place"
      actions={
        <button
          type="button"
          className="map-close"
          onClick={onClose}
          aria-label={t({ zh: '关闭', en: 'Close' })}
        >
          ×
        </button>
      }
    >
      {query.isPending ? (
        <Loading height={200} />
      ) : query.isError ? (
        <ErrorNotice error={query.error} height={120} />
      ) : !summary || summary.tickets === 0 ? (
        <Empty height={120} />
      ) : (
        <>
          <dl>
            <dt>{t({ zh: '诉求量', en: 'Appeals' })}</dt>
            <dd data-testid="place-total">{formatCount(summary.tickets, lang)}</dd>
            {place.kind === 'cell' && (summary.town || summary.county) ? (
              <>
                <dt>{t({ zh: '主要位于', en: 'Mostly in' })}</dt>
                <dd>{[summary.county?.name, summary.town?.name].filter(Boolean).join(' · ')}</dd>
              </>
            ) : null}
          </dl>
          <h3>{t({ zh: '逐月诉求', en: 'Appeals by month' })}</h3>
          <Sparkline
            values={summary.months.map((m) => m.tickets)}
            label={summary.months.map((m) => `${m.month}: ${m.tickets}`).join(', ')}
          />
          <p className="map-note">
            {summary.months[0]?.month} – {summary.months[summary.months.length - 1]?.month}
            {t({ zh: '，单月最多 ', en: ', at most ' })}
            {formatCount(Math.max(...summary.months.map((m) => m.tickets)), lang)}
            {t({ zh: ' 件', en: ' a month' })}
          </p>
          <h3>{t({ zh: '类别构成', en: 'Categories' })}</h3>
          <Shares rows={summary.categories} total={summary.tickets} testId="place-categories" />
          <h3>{t({ zh: '主要二级类别', en: 'Top subcategories' })}</h3>
          <Shares
            rows={summary.subcategories.slice(0, 3)}
            total={summary.tickets}
            testId="place-subcategories"
          />
          <h3>{t({ zh: '承办部门', en: 'Departments' })}</h3>
          <Shares rows={summary.departments} total={summary.tickets} testId="place-departments" />
          <h3>{t({ zh: '最新诉求', en: 'Latest appeals' })}</h3>
          <ul className="map-tickets" data-testid="place-tickets">
            {summary.recent.map((ticket) => (
              <li key={ticket.ticketId}>
                <div className="meta">
                  {ticket.receivedAt} ·{' '}
                  {lang === 'en' ? (ticket.categoryEn ?? ticket.categoryZh) : ticket.categoryZh}
                </div>
                <div>{ticket.title ?? ticket.content}</div>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="map-links">
        {trends ? (
          <Link href={trends} data-testid="place-trends-link">
            {t({ zh: '在趋势中查看', en: 'View in trends' })}
          </Link>
        ) : null}
        <Link href={ticketsHref(filters, place)} data-testid="place-tickets-link">
          {t({ zh: '查看诉求清单', en: 'View the tickets' })}
        </Link>
      </div>
      {place.kind === 'cell' && trends ? (
        <p className="map-note">
          {t({
            zh: '趋势按日汇总表计算，不含六边形，因此链接到该六边形大部分诉求所在的街道。',
            en: 'Trends read daily rollups, which have no hexagons, so the link opens the street most of its appeals lie in.',
          })}
        </p>
      ) : null}
    </Panel>
  );
}
