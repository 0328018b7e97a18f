'use client';

import type { ReactNode } from 'react';
import type { SortOrder } from '@/lib/sql/ticket-selection';

/**
 * A column header that sorts its table: a button (so it is reachable and pressed by keyboard) inside a `th` whose
 * aria-sort says the current order; only the sorted column carries aria-sort. `children` follow the button (a
 * tooltip the header owns). The departments table sorts in the browser, the ticket list on the server; both
 * use this header.
 */
export function SortableHeader({
  label,
  sorted,
  order,
  onSort,
  numeric = false,
  hint,
  describedBy,
  className,
  children,
}: {
  label: string;
  /** Whether the table is sorted by this column. */
  sorted: boolean;
  order: SortOrder;
  onSort: () => void;
  numeric?: boolean;
  /** What the column means, shown on hover. */
  hint?: string;
  /** The id of a tooltip that explains the column to screen readers. */
  describedBy?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <th
      scope="col"
      aria-sort={sorted ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
      className={['sortable', numeric ? 'num' : '', className ?? ''].join(' ').trim()}
    >
      <button
        type="button"
        className="sort-button"
        onClick={onSort}
        title={hint}
        aria-describedby={describedBy}
      >
        {label}
        <span className="sort-mark" aria-hidden="true">
          {sorted ? (order === 'asc' ? '▲' : '▼') : '⇅'}
        </span>
      </button>
      {children}
    </th>
  );
}
