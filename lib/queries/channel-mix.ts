import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { rangeOf } from '../filters/periods';
import { filtersWhere } from '../sql/filters-where';
import { rollupFor } from '../sql/rollup-choice';

/** Appeals per intake channel and appeal type (null type: the channel does not record it). */
export interface ChannelMixRow {
  channel: string;
  appealType: string | null;
  tickets: number;
}

export async function fetchChannelMix(filters: Filters): Promise<ChannelMixRow[]> {
  const table = rollupFor(filters, ['channel', 'appeal_type'], { ranges: [rangeOf(filters)] });
  const where = filtersWhere(filters, table);
  return readRows<ChannelMixRow>(
    `SELECT channel, appeal_type AS "appealType", sum(tickets)::INTEGER AS tickets
     FROM ${table} ${where.sql}
     GROUP BY channel, appeal_type
     ORDER BY sum(sum(tickets)) OVER (PARTITION BY channel) DESC, channel, tickets DESC`,
    where.params,
  );
}
