'use client';

import type { TicketListRow } from '@/lib/queries/ticket-list';
import type { TicketSort } from '@/lib/sql/ticket-selection';
import type { TicketPage } from '../data/ticket-queries';
import { SortableHeader } from '../departments/sortable-header';
import type { Text } from '../i18n/lang';
import { useText } from '../i18n/preferences';
import { TicketRow } from './ticket-row';

interface TicketColumn {
  header: Text;
  /** The server-side sort behind the header; columns without one are not sortable. */
  sort?: TicketSort;
  numeric?: boolean;
  hint?: Text;
}

const COLUMNS: TicketColumn[] = [
  { header: { zh: '受理时间', en: 'Received' }, sort: 'received_at' },
  {
    header: { zh: '类别', en: 'Category' },
    sort: 'category',
    hint: { zh: '按类别编码排序', en: 'Sorted by category code' },
  },
  {
    header: { zh: '地区', en: 'Region' },
    sort: 'region',
    hint: { zh: '按区划编码排序', en: 'Sorted by region code' },
  },
  { header: { zh: '渠道', en: 'Channel' } },
  { header: { zh: '承办部门', en: 'Department' }, sort: 'department' },
  {
    header: { zh: '状态 · 办结时间', en: 'Status · closed' },
    sort: 'closed_at',
    hint: { zh: '按办结时间排序', en: 'Sorted by time closed' },
  },
  { header: { zh: '满意度', en: 'Rating' } },
  { header: { zh: '办理时长', en: 'Handling' }, sort: 'handling_hours', numeric: true },
  { header: { zh: '标题与内容（已脱敏）', en: 'Title and content (masked)' } },
];

/** One page of tickets; a click on a sortable header asks the server for that order from the first page. */
export function TicketTable({
  rows,
  view,
  onSort,
  busy,
  contentChars,
}: {
  rows: TicketListRow[];
  view: TicketPage;
  onSort: (sort: TicketSort) => void;
  /** The next page is loading and these rows are the previous one. */
  busy: boolean;
  contentChars: number;
}) {
  const { t } = useText();
  return (
    <div className="scroll-x">
      <table className={`ticket-table${busy ? ' busy' : ''}`} data-testid="ticket-table" aria-busy={busy}>
        <thead>
          <tr>
            {COLUMNS.map((column) =>
              column.sort ? (
                <SortableHeader
                  key={column.sort}
                  label={t(column.header)}
                  sorted={view.sort === column.sort}
                  order={view.order}
                  onSort={() => onSort(column.sort as TicketSort)}
                  numeric={column.numeric}
                  hint={column.hint ? t(column.hint) : undefined}
                />
              ) : (
                <th key={column.header.en} scope="col">
                  {t(column.header)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <TicketRow key={row.ticketId} row={row} contentChars={contentChars} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
