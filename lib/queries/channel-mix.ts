import { readRows } from '../db/read-only-warehouse';
import type { Filters } from '../filters/filters';
import { filtersWhere } from '../sql/filters-where';

/** Appeals per intake channel and appeal type (null type: the channel does not record it). */
export interface ChannelMixRow {
  channel: string;
  appealType: string | null;
  tickets: number;
}

export async function fetchChannelMix(filters: Filters): Promise<ChannelMixRow[]> {
  const where = filtersWhere(filters, 'daily_counts');
  return readRows<ChannelMixRow>(
    `SELECT channel, appeal_type AS "appealType", sum(tickets)::INTEGER AS tickets
     FROM daily_counts ${where.sql}
     GROUP BY channel, appeal_type
     ORDER BY sum(sum(tickets)) OVER (PARTITION BY channel) DESC, channel, tickets DESC`,
    where.params,
  );
}
