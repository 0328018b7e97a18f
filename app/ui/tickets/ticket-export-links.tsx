'use client';

import type { Filters } from '@/lib/filters/filters';
import { type TicketSelection, ticketExportUrl } from '../data/ticket-queries';
import { formatCount } from '../format';
import { useText } from '../i18n/preferences';

/**
 * Downloads of the whole selection (every page, in the list's order) as CSV or XLSX, headers in the reader's
 * language. Plain links: the browser saves the file, and nothing is held in the page. The export stops at
 * `cap` rows, and says so before the click when the selection is larger; an empty selection offers no file.
 */
export function TicketExportLinks({
  filters,
  selection,
  total,
  cap,
}: {
  filters: Filters;
  selection: TicketSelection;
  total: number | undefined;
  cap: number;
}) {
  const { lang } = useText();
  const over = total !== undefined && total > cap;
  if (total === 0) return null;
  return (
    <div className="export-links" data-testid="export-links">
      <span className="muted">
        {over
          ? lang === 'en'
            ? `Export the first ${formatCount(cap, lang)} of ${formatCount(total, lang)}:`
            : `导出前 ${formatCount(cap, lang)} 件（共 ${formatCount(total, lang)} 件）：`
          : lang === 'en'
            ? `Export all (at most ${formatCount(cap, lang)} rows):`
            : `导出全部（最多 ${formatCount(cap, lang)} 行）：`}
      </span>
      <a
        className="button"
        href={ticketExportUrl(filters, selection, 'csv', lang)}
        download
        data-format="csv"
      >
        CSV
      </a>
      <a
        className="button"
        href={ticketExportUrl(filters, selection, 'xlsx', lang)}
        download
        data-format="xlsx"
      >
        Excel (XLSX)
      </a>
    </div>
  );
}
