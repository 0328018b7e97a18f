'use client';

import type { ReactNode } from 'react';
import type { DateRange } from '@/lib/filters/periods';
import { useDashboard } from '../filters/dashboard-context';
import { useDashboardFilters } from '../filters/use-dashboard-filters';
import { formatDate } from '../format';
import type { Text } from '../i18n/lang';
import { useText } from '../i18n/preferences';

/** What tells one view's heading from another's; the dates and the data's last day come from the dashboard. */
export interface ViewHeadingProps {
  /** The view's name, the page's h1. */
  title: Text;
  /**
   * The dates the view shows: the URL's filters when left out (a view that widens them passes its own), none when
   * null, as for a view the dates do not change (the subtitle then only says how recent the data are).
   */
  range?: DateRange | null;
  /** Whether to say up to which day the warehouse holds tickets (when it knows); true unless told otherwise. */
  asOf?: boolean;
  /** A line under the title on what the view is for. */
  intro?: Text;
  /** A class besides `view-heading`, e.g. one that lets the intro wrap onto its own line. */
  className?: string;
  /** Controls beside the title, such as a setting that belongs to the whole view. */
  children?: ReactNode;
}

/** The title of a view, the range it shows and how recent the data are, with an optional intro and controls. */
export function ViewHeading({ title, range, asOf = true, intro, className, children }: ViewHeadingProps) {
  const { filters } = useDashboardFilters();
  const { options } = useDashboard();
  const { t, lang } = useText();
  const dates = range === undefined ? filters : range;
  const lastDay = asOf ? options.span?.lastDay : undefined;
  return (
    <div className={className ? `view-heading ${className}` : 'view-heading'}>
      <h1>{t(title)}</h1>
      {dates ? (
        <p className="subtitle" data-testid="range-label">
          {formatDate(dates.from, lang)} – {formatDate(dates.to, lang)}
          {lastDay ? (
            <span className="as-of">
              {t({ zh: ' · 数据截至 ', en: ' · data up to ' })}
              {formatDate(lastDay, lang)}
            </span>
          ) : null}
        </p>
      ) : lastDay ? (
        <p className="subtitle">
          {t({ zh: '数据截至 ', en: 'Data up to ' })}
          {formatDate(lastDay, lang)}
        </p>
      ) : null}
      {children}
      {intro ? <p className="trends-intro">{t(intro)}</p> : null}
    </div>
  );
}
