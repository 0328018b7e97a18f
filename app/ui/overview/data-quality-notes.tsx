'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { overviewQueries } from '../data/overview-queries';
import { useDashboard } from '../filters/dashboard-context';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatCount, formatShare } from '../format';
import type { Text } from '../i18n/lang';
import { useText } from '../i18n/preferences';

/** Below this share a data problem does not change a reading, so no note is shown. */
const NOTE_THRESHOLD = 0.005;

const NOTES: {
  key: 'closedBeforeReceived' | 'closedInMinutes' | 'noRegion' | 'stillOpen';
  flag: string;
  text: Text;
}[] = [
  {
    key: 'stillOpen',
    flag: 'still_open',
    text: { zh: '仍在办理中，办结类指标可能随后变化', en: 'still open: closure figures may still change' },
  },
  {
    key: 'closedInMinutes',
    flag: 'closed_in_minutes',
    text: {
      zh: '受理后 10 分钟内即办结，可能未实际办理',
      en: 'closed within 10 minutes of receipt: possibly not really handled',
    },
  },
  {
    key: 'closedBeforeReceived',
    flag: 'closed_before_received',
    text: {
      zh: '办结时间早于受理时间（数据错误），未计入办理时长',
      en: 'closed before received (a data error): left out of handling times',
    },
  },
  {
    key: 'noRegion',
    flag: 'no_region',
    text: {
      zh: '无法定位到区县，未计入地区排行',
      en: 'could not be placed in a district: missing from the regional ranking',
    },
  },
];

/** Notes on data problems big enough to change how the figures above read, each linking to its tickets. */
export function DataQualityNotes() {
  const { filters, filterQuery } = useDashboardFilters();
  const { t, lang } = useText();
  // Readers without ticket access see the counts without the link to the tickets.
  const canDrill = (useDashboard().pages as string[]).includes('/tickets');
  const query = useQuery(overviewQueries.dataQuality(filters));
  if (!query.data || query.data.tickets === 0) return null;
  const data = query.data;
  const shown = NOTES.filter((n) => data[n.key] / data.tickets >= NOTE_THRESHOLD);
  if (shown.length === 0) return null;
  const label = (key: (typeof NOTES)[number]['key']) =>
    lang === 'en'
      ? `${formatCount(data[key], lang)} ${data[key] === 1 ? 'ticket' : 'tickets'} (${formatShare(data[key] / data.tickets, lang)})`
      : `${formatCount(data[key], lang)} 件（${formatShare(data[key] / data.tickets, lang)}）`;
  return (
    <aside
      className="data-notes"
      data-testid="data-quality"
      aria-label={t({ zh: '数据说明', en: 'Data notes' })}
    >
      <strong>{t({ zh: '数据说明：', en: 'About these figures: ' })}</strong>
      <ul>
        {shown.map((note) => (
          <li key={note.key}>
            {canDrill ? (
              <Link href={`/tickets?${filterQuery}${filterQuery ? '&' : ''}flag=${note.flag}`}>
                {label(note.key)}
              </Link>
            ) : (
              label(note.key)
            )}{' '}
            {t(note.text)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
